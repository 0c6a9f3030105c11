// Kernel-time split of the BENCHMARKS.md §1 trainer step (tf.profile), for finding what to speed up.
//   npx tsx --conditions=@ganforge/source bench/mlp-gan/profile.ts [--threads N] [--steps 20]
import * as tf from '@tensorflow/tfjs';
import { createGan, selectBackend } from '@ganforge/core';
import { defaultWasmThreads, useWasmThreads } from '@ganforge/core/node';
import { testingPlugin } from '@ganforge/core/testing';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { mlpGanConfig } from './config.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const steps = Number(arg('steps', '20'));
await useWasmThreads(Number(arg('threads', String(defaultWasmThreads()))));
await selectBackend('wasm');
const gan = await createGan(mlpGanConfig('wasm'), {
  plugins: [lossesPlugin(), modelsPlugin(), testingPlugin()],
  selectBackend: false,
});
for (let i = 0; i < 10; i++) gan.step();
const t0 = performance.now();
const info = await tf.profile(() => {
  for (let i = 0; i < steps; i++) gan.step();
});
const wall = performance.now() - t0;
const byKernel = new Map<string, { ms: number; calls: number }>();
for (const k of info.kernels) {
  const e = byKernel.get(k.name) ?? { ms: 0, calls: 0 };
  e.ms += Number(k.kernelTimeMs) || 0;
  e.calls += 1;
  byKernel.set(k.name, e);
}
const total = [...byKernel.values()].reduce((a, b) => a + b.ms, 0);
const rows = [...byKernel.entries()]
  .sort((a, b) => b[1].ms - a[1].ms)
  .slice(0, 15)
  .map(([name, e]) => ({
    kernel: name,
    ms_per_step: +(e.ms / steps).toFixed(3),
    calls_per_step: e.calls / steps,
    share: +(e.ms / total).toFixed(3),
  }));
console.log(
  JSON.stringify({
    bench: 'mlp-gan-profile',
    steps,
    kernel_ms_per_step: +(total / steps).toFixed(2),
    wall_ms_per_step_profiled: +(wall / steps).toFixed(2),
  }),
);
console.table(rows);
gan.dispose();
