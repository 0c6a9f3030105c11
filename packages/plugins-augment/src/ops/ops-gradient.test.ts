import * as tf from '@tensorflow/tfjs';
import { checkGradient } from '@ganforge/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { adjustBrightness, adjustContrast, adjustSaturation } from './colour.js';
import { cutout } from './cutout.js';
import { flipHorizontal } from './flip.js';
import { translate } from './translate.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// A smooth, non-linear read-out with different weights per entry, so every entry's gradient is
// distinct and non-trivial: f(x) = Σ w ⊙ tanh(T(x)).
function readout(op: (x: tf.Tensor) => tf.Tensor, shape: number[]) {
  const size = shape.reduce((a, b) => a * b, 1);
  const w = tf.tensor(
    Array.from({ length: size }, (_, i) => Math.sin(i + 1)),
    shape,
  );
  return (x: tf.Tensor) => tf.sum(tf.mul(w, tf.tanh(op(x)))) as tf.Scalar;
}

const shape = [2, 3, 3, 2];
const x = () =>
  tf.tensor(
    Array.from({ length: 36 }, (_, i) => Math.cos(i * 0.7) * 0.8),
    shape,
  );

describe('gradients through each augmentation against central finite differences', () => {
  it.each([
    ['brightness', (t: tf.Tensor) => adjustBrightness(t, tf.tensor1d([0.3, -0.2]))],
    ['saturation', (t: tf.Tensor) => adjustSaturation(t, tf.tensor1d([1.6, 0.4]))],
    ['contrast', (t: tf.Tensor) => adjustContrast(t, tf.tensor1d([1.3, 0.7]))],
    ['translation', (t: tf.Tensor) => translate(t, tf.tensor1d([1, -1]), tf.tensor1d([0, 1]))],
    ['cutout', (t: tf.Tensor) => cutout(t, tf.tensor1d([0, 1]), tf.tensor1d([1, -1]), 2, 2)],
    ['flip', (t: tf.Tensor) => flipHorizontal(t, tf.tensor1d([1, 0]))],
  ] as const)('%s', (_, op) => {
    const check = checkGradient(readout(op, shape), x());
    expect(check.relativeError).toBeLessThan(1e-3);
    // The operation moves or zeroes entries: the gradient is not just w·tanh′(x).
    expect(check.analytic.some((v) => v !== 0)).toBe(true);
  });
});
