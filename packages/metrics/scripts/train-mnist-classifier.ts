/**
 * Trains the MNIST classifier shipped in @ganforge/metrics on the training split of
 * @ganforge/data's MNIST (8,000 digits, seeded split) and writes src/assets/mnist-classifier.bin.
 *
 *   npx tsx --conditions=@ganforge/source packages/metrics/scripts/train-mnist-classifier.ts [epochs]
 *
 * Adam (lr 1e-3 decayed to 1e-4), batch 64, dropout 0.1 before the dense layer, random shifts of
 * up to 2 pixels; reports held-out accuracy and NLL after every epoch. Seeded; cpu or wasm.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { writeFileSync } from 'node:fs';
import { Rng, installGradientFixes } from '@ganforge/core';
import { mnist } from '@ganforge/data/node';
import { initMnistClassifier, mnistClassifierForward } from '../src/classifier/mnist-classifier.js';
import { encodeWeights } from '../src/classifier/weights-file.js';

const epochs = Number(process.argv[2] ?? 12);
const backend = process.env.BACKEND ?? 'wasm';
await tf.setBackend(backend);
installGradientFixes();
console.log(`backend ${tf.getBackend()}, ${epochs} epochs`);

const train = mnist({ split: 'train' });
const heldOut = train.heldOut!;
const rng = new Rng(7, 'mnist-classifier');
const params = initMnistClassifier(rng);
const variables = Object.fromEntries(
  Object.entries(params).map(([k, t]) => [k, tf.variable(t, true, `classifier/${k}`)]),
);
const optimizer = tf.train.adam(1e-3);

/** Shifts each 28×28 digit by up to ±2 pixels (background −1 fills in). */
function shift(values: Float32Array, n: number): Float32Array {
  const out = new Float32Array(values.length).fill(-1);
  for (let i = 0; i < n; i++) {
    const dx = rng.int(5) - 2;
    const dy = rng.int(5) - 2;
    for (let y = 0; y < 28; y++) {
      const sy = y - dy;
      if (sy < 0 || sy >= 28) continue;
      for (let x = 0; x < 28; x++) {
        const sx = x - dx;
        if (sx >= 0 && sx < 28) out[i * 784 + y * 28 + x] = values[i * 784 + sy * 28 + sx];
      }
    }
  }
  return out;
}

function evaluate(): { accuracy: number; nll: number } {
  let correct = 0;
  let nll = 0;
  for (let start = 0; start < heldOut.size; start += 500) {
    const n = Math.min(500, heldOut.size - start);
    const [c, l] = tf.tidy(() => {
      const x = tf.tensor(heldOut.values.subarray(start * 784, (start + n) * 784), [n, 784]);
      const y = tf.tensor1d(Int32Array.from(heldOut.labels!.subarray(start, start + n)), 'int32');
      const { logits } = mnistClassifierForward(variables, x);
      const logp = tf.logSoftmax(logits);
      const hits = tf.sum(tf.equal(tf.argMax(logits, 1), y).toFloat());
      const loss = tf.neg(tf.sum(tf.mul(tf.oneHot(y, 10).toFloat(), logp)));
      return [hits.dataSync()[0], loss.dataSync()[0]];
    });
    correct += c;
    nll += l;
  }
  return { accuracy: correct / heldOut.size, nll: nll / heldOut.size };
}

const stepsPerEpoch = Math.ceil(train.size / 64);
for (let epoch = 0; epoch < epochs; epoch++) {
  const started = Date.now();
  const lr = 1e-3 * Math.pow(0.1, epoch / Math.max(1, epochs - 1));
  (optimizer as unknown as { learningRate: number }).learningRate = lr;
  const order = rng.permutation(train.size);
  let total = 0;
  for (let s = 0; s < stepsPerEpoch; s++) {
    const idx = order.subarray(s * 64, (s + 1) * 64);
    const n = idx.length;
    const xs = new Float32Array(n * 784);
    const ys = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      xs.set(train.values.subarray(idx[i] * 784, (idx[i] + 1) * 784), i * 784);
      ys[i] = train.labels![idx[i]];
    }
    const shifted = shift(xs, n);
    const cost = optimizer.minimize(
      () =>
        tf.tidy(() => {
          const x = tf.tensor(shifted, [n, 784]);
          const { logits } = mnistClassifierForward(variables, x, { rate: 0.1, rng });
          return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(ys, 'int32'), 10), logits) as tf.Scalar;
        }),
      true,
      Object.values(variables),
    );
    total += cost!.dataSync()[0];
    cost!.dispose();
  }
  const e = evaluate();
  console.log(
    JSON.stringify({
      epoch: epoch + 1,
      lr: +lr.toExponential(2),
      train_loss: +(total / stepsPerEpoch).toFixed(4),
      held_out_accuracy: e.accuracy,
      held_out_nll: +e.nll.toFixed(4),
      seconds: (Date.now() - started) / 1000,
    }),
  );
}
const out = new URL('../src/assets/mnist-classifier.bin', import.meta.url);
writeFileSync(out, encodeWeights(variables));
console.log(`wrote ${out.pathname}`);
