/**
 * Conv gradients on wasm at DCGAN sizes: forward conv vs GANForge's dx and dW (forward-conv
 * formulas), and conv2dTranspose (GANForge op and stock tf.conv2dTranspose through the replaced
 * kernel) forward and gradients. Prints one JSON line per measurement: min over runs, in ms, and
 * the ratio to the layer's forward conv. Run: npx tsx bench/conv-gradients.ts
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { conv2dFilterGradient } from '../packages/core/src/gradients/conv2d-filter-gradient.js';
import { conv2dInputGradient } from '../packages/core/src/gradients/conv2d-input-gradient.js';
import { conv2dTranspose } from '../packages/core/src/gradients/conv2d-transpose.js';
import { installGradientFixes } from '../packages/core/src/gradients/install-gradient-fixes.js';

const RUNS = Number(process.env.RUNS ?? 15);

type Thunk = () => tf.Tensor | tf.Tensor[];

/**
 * Min wall time (ms, including the read-back) of each thunk over RUNS rounds; the thunks of one
 * layer are interleaved within each round, so that load on the shared machine hits them alike.
 */
function minMs(thunks: Array<[string, Thunk]>): Map<string, number> {
  const best = new Map<string, number>();
  for (const [, f] of thunks) tf.dispose(f()); // warm-up
  for (let r = 0; r < RUNS; r++) {
    for (const [name, f] of thunks) {
      const t0 = performance.now();
      const out = f();
      (Array.isArray(out) ? out : [out]).forEach((t) => t.dataSync());
      best.set(name, Math.min(best.get(name) ?? Infinity, performance.now() - t0));
      tf.dispose(out);
    }
  }
  return best;
}

function report(layer: string, thunks: Array<[string, Thunk]>): void {
  const times = minMs(thunks);
  const forward = times.get(thunks[0][0]) as number;
  for (const [what, ms] of times) {
    console.log(JSON.stringify({ layer, what, ms: +ms.toFixed(2), ratioToForward: +(ms / forward).toFixed(2) }));
  }
}

async function main(): Promise<void> {
  await tf.setBackend('wasm');
  await tf.ready();
  installGradientFixes();
  console.log(JSON.stringify({ backend: tf.getBackend(), multithread: tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT'), runs: RUNS }));

  const convLayers: Array<{ name: string; x: [number, number, number, number]; w: [number, number, number, number] }> = [
    { name: 'conv x64×14×14×64 w4×4×64×128 s2 same', x: [64, 14, 14, 64], w: [4, 4, 64, 128] },
    { name: 'conv x64×28×28×1 w4×4×1×64 s2 same', x: [64, 28, 28, 1], w: [4, 4, 1, 64] },
  ];
  for (const l of convLayers) {
    const x = tf.randomNormal(l.x) as tf.Tensor4D;
    const w = tf.randomNormal(l.w, 0, 0.05) as tf.Tensor4D;
    const y = tf.conv2d(x, w, 2, 'same');
    const dy = tf.randomNormal(y.shape) as tf.Tensor4D;
    const conv = (xi: tf.Tensor, wi: tf.Tensor) => tf.conv2d(xi as tf.Tensor4D, wi as tf.Tensor4D, 2, 'same');
    report(l.name, [
      ['forward conv2d', () => tf.conv2d(x, w, 2, 'same')],
      ['dx (sub-pixel conv)', () => conv2dInputGradient(dy, w, l.x, 2, 'same')],
      ['dW (dilated conv)', () => conv2dFilterGradient(x, dy, l.w, 2, 'same')],
      ['tf.grads(conv, dy): forward + dx + dW (registered gradient)', () => tf.grads(conv)([x, w], dy)],
    ]);
    tf.dispose([x, w, y, dy]);
  }

  const name = 'conv2dTranspose 64×7×7×128 → 64×14×14×64 k4 s2 same';
  const x = tf.randomNormal([64, 7, 7, 128]) as tf.Tensor4D;
  const w = tf.randomNormal([4, 4, 64, 128], 0, 0.05) as tf.Tensor4D;
  const out: [number, number, number, number] = [64, 14, 14, 64];
  const dy = tf.randomNormal(out) as tf.Tensor4D;
  const up = (xi: tf.Tensor, wi: tf.Tensor) => conv2dTranspose(xi as tf.Tensor4D, wi as tf.Tensor4D, out, 2, 'same');
  report(name, [
    // The forward conv this layer is the transpose of: conv2d(64×14×14×64, w, s2 same).
    ['reference: forward conv2d 64×14×14×64 → 64×7×7×128', () => tf.conv2d(dy, w, 2, 'same')],
    ['GANForge conv2dTranspose forward', () => conv2dTranspose(x, w, out, 2, 'same')],
    ['tf.conv2dTranspose forward (GANForge wasm kernel)', () => tf.conv2dTranspose(x, w, out, 2, 'same')],
    ['dx = conv2d(dy, w)', () => tf.conv2d(dy, w, 2, 'same')],
    ['dW (dilated conv)', () => conv2dFilterGradient(dy, x, [4, 4, 64, 128], 2, 'same')],
    ['tf.grads(conv2dTranspose, dy): forward + dx + dW', () => tf.grads(up)([x, w], dy)],
  ]);
  tf.dispose([x, w, dy]);
}

await main();
