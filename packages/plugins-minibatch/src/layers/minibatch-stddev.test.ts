import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { installGradientFixes, Rng } from '@ganforge/core';
import { checkGradient } from '@ganforge/core/testing';
import { minibatchStddev } from './minibatch-stddev.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

describe('minibatchStddev', () => {
  it('gives the mean over features of the per-feature standard deviation across the batch, for every sample', () => {
    const f = tf.tensor2d([
      [1, 2],
      [3, 2],
      [2, 8],
    ]);
    // Feature 0: mean 2, variance (1 + 1 + 0)/3 = 2/3. Feature 1: mean 4, variance (4 + 4 + 16)/3 = 8.
    const eps = 1e-8;
    const expected = (Math.sqrt(2 / 3 + eps) + Math.sqrt(8 + eps)) / 2;
    const s = minibatchStddev(f);
    expect(s.shape).toEqual([3, 1]);
    for (const v of s.dataSync()) expect(v).toBeCloseTo(expected, 6);
    tf.dispose([f, s]);
  });

  it('is √ε ≈ 0 on identical samples, with a finite (zero) gradient where a plain sqrt gives NaN', () => {
    const row = new Rng(2, 'test').normalArray(5);
    const same = tf.tensor2d(Array.from({ length: 4 }, () => Array.from(row)));
    expect(Array.from(minibatchStddev(same).dataSync())).toEqual(Array(4).fill(Math.fround(1e-4)));
    expect(minibatchStddev(same, { epsilon: 1e-12 }).dataSync()[0]).toBeCloseTo(1e-6, 9);
    const grad = tf
      .grad((x: tf.Tensor) => tf.sum(minibatchStddev(x)))(same)
      .dataSync();
    expect(grad.every((v) => v === 0)).toBe(true);
    // Why safeSqrt: the same formula with tf.sqrt has a NaN gradient here (TRAPS.md).
    const plain = tf.grad((x: tf.Tensor) =>
      tf.mean(tf.sqrt(tf.mean(tf.square(tf.sub(x, tf.mean(x, 0, true))), 0))),
    )(same);
    expect(plain.dataSync().some(Number.isNaN)).toBe(true);
  });

  it('its gradient matches finite differences', () => {
    const rng = new Rng(4, 'test');
    const f = rng.normalTensor([5, 3]);
    const w = rng.normalTensor([5, 1]);
    const check = checkGradient((x) => tf.sum(tf.mul(minibatchStddev(x), w)) as tf.Scalar, f);
    expect(check.relativeError).toBeLessThan(5e-3);
    expect(Math.max(...check.numeric.map(Math.abs))).toBeGreaterThan(1e-2);
  });
});
