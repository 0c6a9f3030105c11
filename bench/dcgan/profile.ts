// Kernel-time split of the DCGAN MNIST step (tf.profile) on one backend, for finding what to speed up.
//   npx tsx --conditions=@ganforge/source bench/dcgan/profile.ts [--backend wasm-native] [--width 32] [--batch 64] [--steps 5]
import * as tf from '@tensorflow/tfjs';
import { createGan, selectBackend, type BackendName } from '@ganforge/core';
import { dataPlugin } from '@ganforge/data/node';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { dcganConfig } from './config.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const backend = arg('backend', 'wasm-native') as BackendName;
const steps = Number(arg('steps', '5'));
const width = Number(arg('width', '32'));
await selectBackend(backend);
const gan = await createGan(dcganConfig(backend, width, Number(arg('batch', '64'))), {
  plugins: [lossesPlugin(), modelsPlugin(), dataPlugin()],
  selectBackend: false,
});
gan.step();
gan.step();
const t0 = performance.now();
const info = await tf.profile(() => {
  for (let i = 0; i < steps; i++) gan.step();
});
const wall = performance.now() - t0;
const byKernel = new Map<string, { ms: number; calls: number }>();
for (const k of info.kernels) {
  const key = `${k.name} ${JSON.stringify(k.inputShapes)}`;
  const e = byKernel.get(key) ?? { ms: 0, calls: 0 };
  e.ms += Number(k.kernelTimeMs) || 0;
  e.calls += 1;
  byKernel.set(key, e);
}
const total = [...byKernel.values()].reduce((a, b) => a + b.ms, 0);
const byName = new Map<string, number>();
for (const [key, e] of byKernel) byName.set(key.split(' ')[0]!, (byName.get(key.split(' ')[0]!) ?? 0) + e.ms);
console.log(
  JSON.stringify({
    bench: 'dcgan-profile',
    backend,
    steps,
    kernel_ms_per_step: +(total / steps).toFixed(1),
    wall_ms_per_step_profiled: +(wall / steps).toFixed(1),
  }),
);
console.table(
  [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([kernel, ms]) => ({
      kernel,
      ms_per_step: +(ms / steps).toFixed(2),
      share: +(ms / total).toFixed(3),
    })),
);
console.table(
  [...byKernel.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, Number(arg('top', '25')))
    .map(([kernel, e]) => ({
      kernel,
      ms_per_step: +(e.ms / steps).toFixed(2),
      calls_per_step: e.calls / steps,
    })),
);
gan.dispose();
console.log(
  JSON.stringify({
    kernels_per_step: info.kernels.length / steps,
    small_kernels_per_step: info.kernels.filter((k) => (Number(k.kernelTimeMs) || 0) < 0.05).length / steps,
  }),
);
const counts = new Map<string, number>();
for (const k of info.kernels) counts.set(k.name, (counts.get(k.name) ?? 0) + 1);
console.log(
  [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${n / steps}`)
    .join(', '),
);
