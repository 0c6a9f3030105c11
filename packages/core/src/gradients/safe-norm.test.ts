import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { safeNorm, safeSqrt } from './safe-norm.js';
import {
  TEST_BACKENDS,
  finiteDifferenceGradient,
  normals,
  relativeError,
  useBackend,
} from './test-helpers.js';

describe.each(TEST_BACKENDS)('safeNorm and safeSqrt on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  it('values: norms per row, all axes, keepDims', () => {
    const x = tf.tensor([
      [3, 4],
      [0, 0],
      [1, 0],
    ]);
    expect(Array.from(safeNorm(x, 1).dataSync())).toEqual([5, 1e-6, 1].map((v) => Math.fround(v)));
    expect(safeNorm(x, 1, true).shape).toEqual([3, 1]);
    expect(safeNorm(x).dataSync()[0]).toBeCloseTo(Math.sqrt(26), 5);
    expect(safeSqrt(tf.tensor([4, 0])).dataSync()[0]).toBeCloseTo(2, 6);
    x.dispose();
  });

  it('gradient at 0 is finite (plain sqrt gives NaN) and elsewhere x/‖x‖', () => {
    const x = tf.tensor([
      [3, 4],
      [0, 0],
    ]);
    const plain = tf
      .grad((v: tf.Tensor) => tf.sum(tf.sqrt(tf.sum(tf.square(v), 1))))(x)
      .dataSync();
    expect(Number.isNaN(plain[2])).toBe(true);
    const g = Array.from(
      tf
        .grad((v: tf.Tensor) => tf.sum(safeNorm(v, 1)))(x)
        .dataSync(),
    );
    expect(g[0]).toBeCloseTo(0.6, 6);
    expect(g[1]).toBeCloseTo(0.8, 6);
    expect(g.slice(2)).toEqual([0, 0]);
    expect(
      Number.isFinite(
        tf
          .grad((v: tf.Tensor) => tf.sum(safeSqrt(v)))(tf.zeros([2]))
          .dataSync()[0],
      ),
    ).toBe(true);
    x.dispose();
  });

  it('gradient matches finite differences', () => {
    const x = tf.tensor(normals(12, 3), [3, 4]);
    const f = (v: tf.Tensor) => tf.sum(tf.mul(safeNorm(v, 1), tf.tensor([1, -2, 0.5]))) as tf.Scalar;
    const e = relativeError(tf.grad(f)(x).dataSync(), finiteDifferenceGradient(f, x));
    expect(e).toBeLessThan(1e-3);
    x.dispose();
  });
});
