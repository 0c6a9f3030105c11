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
} else if (part === 'conv') {
  // DCGAN-sized convolutions (batch 32): forward alone, and forward + both gradients.
  type Shape4 = [number, number, number, number];
  const shapes: [Shape4, Shape4, number][] = [
    [[32, 32, 32, 3], [5, 5, 3, 64], 2],
    [[32, 16, 16, 64], [5, 5, 64, 128], 2],
    [[32, 8, 8, 128], [3, 3, 128, 128], 1],
    [[32, 16, 16, 64], [1, 1, 64, 64], 1],
  ];
  for (const [xs, ws, stride] of shapes) {
    const x = tf.randomNormal(xs) as tf.Tensor4D;
    const w = tf.randomNormal(ws) as tf.Tensor4D;
    const info = tf.backend_util.computeConv2DInfo(xs, ws, stride, 1, 'same');
    const flops = 2 * info.batchSize * info.outHeight * info.outWidth * ws[0] * ws[1] * ws[2] * ws[3];
    const forward = () => tf.conv2d(x, w, stride, 'same').dispose();
    const withGrads = () =>
      tf.dispose(
        tf.grads((a: tf.Tensor, b: tf.Tensor) =>
          tf.sum(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, 'same')),
        )([x, w]),
      );
    for (let i = 0; i < 2; i++) withGrads();
    const fwdMs = Math.min(...Array.from({ length: 3 }, () => timeIt(forward, 150)));
    const gradMs = Math.min(...Array.from({ length: 3 }, () => timeIt(withGrads, 150)));
    console.log(
      JSON.stringify({
        backend,
        shape: `x${xs.join('x')} w${ws.join('x')} s${stride}`,
        forward_ms: +fwdMs.toFixed(3),
        forward_gflops: +(flops / (fwdMs * 1e6)).toFixed(2),
        forward_and_grads_ms: +gradMs.toFixed(3),
      }),
    );
    tf.dispose([x, w]);
  }
} else if (part === 'train') {
  const gan = await makeGan();
  for (let i = 0; i < 20; i++) gan.step();
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) gan.step();
  const rate = steps / ((performance.now() - t0) / 1000);
  console.log(
    JSON.stringify({ backend, steps, steps_per_s: +rate.toFixed(2), tensors: tf.memory().numTensors }),
  );
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
  for (const k of info.kernels)
    byKernel.set(k.name, (byKernel.get(k.name) ?? 0) + (Number(k.kernelTimeMs) || 0));
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
