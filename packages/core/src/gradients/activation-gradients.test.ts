import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { installGradientFixes } from './install-gradient-fixes.js';
import { logSoftmax } from './log-softmax.js';
import { safeNorm } from './safe-norm.js';
import {
  TEST_BACKENDS,
  finiteDifferenceGradient,
  minAbs,
  normals,
  relativeError,
  useBackend,
} from './test-helpers.js';

type Activation = (z: tf.Tensor) => tf.Tensor;

/** Each activation with the points where it has a kink (inputs are redrawn away from them). */
const ACTIVATIONS: Array<[string, Activation, boolean]> = [
  ['relu', (z) => tf.relu(z), true],
  ['leakyRelu', (z) => tf.leakyRelu(z, 0.2), true],
  ['elu', (z) => tf.elu(z), true],
  ['selu', (z) => tf.selu(z), true],
  ['tanh', (z) => tf.tanh(z), false],
  ['sigmoid', (z) => tf.sigmoid(z), false],
  ['softplus', (z) => tf.softplus(z), false],
  ['exp', (z) => tf.exp(tf.mul(z, 0.5)), false],
  ['maximum', (z) => tf.maximum(z, tf.mul(z, 0.3)), true],
  ['minimum', (z) => tf.minimum(tf.mul(z, 1.5), tf.mul(z, 0.2)), true],
  ['relu6', (z) => tf.relu6(tf.mul(z, 3)), true],
  ['abs', (z) => tf.abs(z), true],
  [
    'sigmoidCrossEntropy',
    (z) => tf.losses.sigmoidCrossEntropy(tf.onesLike(z), z, undefined, undefined, tf.Reduction.NONE),
    true,
  ],
  ['softmax', (z) => tf.softmax(z), false],
  ['logSoftmax (GANForge)', (z) => logSoftmax(z), false],
];

/** Draws x [5,3] so that no pre-activation x·W lies within 0.05 of a kink. */
function drawInputs(w: tf.Tensor): tf.Tensor {
  for (let seed = 1; ; seed++) {
    const x = tf.tensor(normals(15, 100 + seed), [5, 3]);
    if (tf.tidy(() => minAbs(tf.matMul(x, w))) > 0.05) return x;
    x.dispose();
  }
}

describe.each(TEST_BACKENDS)('activation gradients on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
    installGradientFixes();
  });

  it.each(ACTIVATIONS)('%s: first and second order match finite differences', (_name, g, hasKink) => {
    const w = tf.tensor(normals(12, 7, 0.8), [3, 4]);
    const x = hasKink ? drawInputs(w) : tf.tensor(normals(15, 3), [5, 3]);
    // Fixed output weights c, so that sum-preserving maps (softmax) still have a gradient.
    const c = tf.tensor(normals(20, 5), [5, 4]);
    const first = (wt: tf.Tensor) => tf.sum(tf.mul(g(tf.matMul(x, wt)), c)) as tf.Scalar;
    const second = (wt: tf.Tensor) => {
      const gx = tf.grad((xi: tf.Tensor) => tf.sum(tf.mul(g(tf.matMul(xi, wt)), c)))(x);
      return tf.sum(tf.square(gx)) as tf.Scalar;
    };
    const e1 = relativeError(tf.grad(first)(w).dataSync(), finiteDifferenceGradient(first, w));
    const e2 = relativeError(tf.grad(second)(w).dataSync(), finiteDifferenceGradient(second, w));
    console.log(`[${backend}] ${_name}: first ${e1.toExponential(2)} second ${e2.toExponential(2)}`);
    expect(e1).toBeLessThan(1e-3);
    expect(e2).toBeLessThan(1e-3);
    tf.dispose([w, x, c]);
  });

  it('gradient penalty of a tanh MLP critic (safeNorm) matches finite differences in all weights', () => {
    // θ = [W1 (3×6), b1 (6), W2 (6×1), b2 (1)], D(x) = tanh(x W1 + b1) W2 + b2.
    const theta = tf.tensor(normals(3 * 6 + 6 + 6 + 1, 11, 0.7));
    const x = tf.tensor(normals(8 * 3, 12), [8, 3]);
    const critic = (t: tf.Tensor, xi: tf.Tensor) => {
      const [w1, b1, w2, b2] = tf.split(t, [18, 6, 6, 1]);
      const h = tf.tanh(tf.add(tf.matMul(xi, tf.reshape(w1, [3, 6])), b1));
      return tf.add(tf.matMul(h, tf.reshape(w2, [6, 1])), b2);
    };
    const penalty = (t: tf.Tensor) => {
      const gx = tf.grad((xi: tf.Tensor) => tf.sum(critic(t, xi)))(x);
      return tf.mean(tf.square(tf.sub(safeNorm(gx, 1), 1))) as tf.Scalar;
    };
    const e = relativeError(tf.grad(penalty)(theta).dataSync(), finiteDifferenceGradient(penalty, theta));
    console.log(`[${backend}] tanh critic gradient penalty: ${e.toExponential(2)}`);
    expect(e).toBeLessThan(1e-3);
    tf.dispose([theta, x]);
  });
});
