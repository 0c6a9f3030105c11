// One backend's part of bench/native/main.ts (run there as a child process).
import * as tf from '@tensorflow/tfjs';
import { createGan, selectBackend } from '@ganforge/core';
import { useWasmThreads } from '@ganforge/core/node';
import { testingPlugin } from '@ganforge/core/testing';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { mlpGanConfig } from '../mlp-gan/config.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const part = arg('part', 'matmul');
const backend = arg('backend', 'wasm-native') as 'wasm' | 'wasm-native';
const threads = Number(arg('threads', '2'));
const steps = Number(arg('steps', '200'));

// wasm: tfjs' threaded build with `threads` XNNPACK threads; wasm-native: the single-threaded
// build with `threads` OpenBLAS threads.
if (backend === 'wasm') await useWasmThreads(threads);
const choice = await selectBackend(backend, { threads });
if (choice.name !== backend) throw new Error(`asked for ${backend}, got ${choice.name}`);

function timeIt(fn: () => void, minMs: number): number {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    fn();
    n++;
  }
  return (performance.now() - t0) / n;
}

async function makeGan() {
  // The config names wasm: core's config schema does not list wasm-native; the backend is
  // selected above and createGan is told not to select again.
  return createGan(mlpGanConfig('wasm'), {
    plugins: [lossesPlugin(), modelsPlugin(), testingPlugin()],
    selectBackend: false,
  });
}

if (part === 'matmul') {
  // [m, k, n, transposeA, transposeB]: the §1 GAN's layer products at batch 64, forward and
  // gradient (dX = dY·Wᵀ, dW = Xᵀ·dY), and one large square product.
  const shapes: [number, number, number, boolean, boolean][] = [
    [64, 64, 256, false, false],
    [64, 256, 256, false, false],
    [64, 256, 784, false, false],
    [64, 784, 256, false, false],
    [64, 256, 784, false, true],
    [784, 64, 256, true, false],
    [256, 64, 256, true, false],
    [512, 512, 512, false, false],
  ];
  for (const [m, k, n, ta, tb] of shapes) {
    const a = tf.randomNormal(ta ? [k, m] : [m, k]);
    const b = tf.randomNormal(tb ? [n, k] : [k, n]);
    const run = () => tf.matMul(a, b, ta, tb).dispose();
    for (let i = 0; i < 5; i++) run();
    const ms = Math.min(...Array.from({ length: 5 }, () => timeIt(run, 150)));
    const gflops = (2 * m * n * k) / (ms * 1e6);
    console.log(
      JSON.stringify({
        backend,
        shape: `${m}x${k}x${n}${ta ? ' tA' : ''}${tb ? ' tB' : ''}`,
        ms: +ms.toFixed(4),
        gflops: +gflops.toFixed(2),
      }),
    );
    tf.dispose([a, b]);
  }
} else if (part === 'train') {
  const gan = await makeGan();
  for (let i = 0; i < 20; i++) gan.step();
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) gan.step();
  const rate = steps / ((performance.now() - t0) / 1000);
  console.log(JSON.stringify({ backend, steps, steps_per_s: +rate.toFixed(2), tensors: tf.memory().numTensors }));
  gan.dispose();
} else {
  const gan = await makeGan();
  for (let i = 0; i < 10; i++) gan.step();
  const n = 20;
  const t0 = performance.now();
  const info = await tf.profile(() => {
    for (let i = 0; i < n; i++) gan.step();
  });
  const wall = performance.now() - t0;
  const byKernel = new Map<string, number>();
  for (const k of info.kernels) byKernel.set(k.name, (byKernel.get(k.name) ?? 0) + (Number(k.kernelTimeMs) || 0));
  const total = [...byKernel.values()].reduce((a, b) => a + b, 0);
  const matmul = (byKernel.get('BatchMatMul') ?? 0) + (byKernel.get('_FusedMatMul') ?? 0);
  const top = [...byKernel.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([kernel, ms]) => ({ kernel, share: +(ms / total).toFixed(3) }));
  console.log(
    JSON.stringify({
      bench: 'native-profile',
      backend,
      kernel_ms_per_step: +(total / n).toFixed(2),
      matmul_ms_per_step: +(matmul / n).toFixed(2),
      rest_ms_per_step: +((total - matmul) / n).toFixed(2),
      matmul_share: +(matmul / total).toFixed(3),
      wall_ms_per_step_profiled: +(wall / n).toFixed(2),
      top,
    }),
  );
  gan.dispose();
}
