import * as tf from '@tensorflow/tfjs';
import { Rng, type DataSource, type MetricContext } from '@ganforge/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { gaussianKernelMatrix, medianBandwidth, pooledSquaredDistances } from './kernel-matrix.js';
import { mmd2, mmd2FromKernel, mmdPermutationTest } from './mmd.js';
import { mmdMetric } from './mmd-metric.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function gaussian(rng: Rng, n: number, d: number, shift = 0): tf.Tensor2D {
  const v = rng.normalArray(n * d);
  for (let i = 0; i < n; i++) v[i * d] += shift;
  return tf.tensor2d(v, [n, d]);
}

describe('unbiased MMD² (Gretton et al. 2012)', () => {
  it('matches the estimator worked out by hand on 2 + 2 points', () => {
    // x = {0, 1}, y = {3, 5} in 1-D, h = 1: k = exp(−d²/2)
    const k = (d: number): number => Math.exp(-(d * d) / 2);
    const expected = (2 * k(1)) / 2 + (2 * k(2)) / 2 - (2 * (k(3) + k(5) + k(2) + k(4))) / 4;
    const r = mmd2(tf.tensor2d([0, 1], [2, 1]), tf.tensor2d([3, 5], [2, 1]), { bandwidth: 1 });
    expect(r.mmd2).toBeCloseTo(expected, 6);
  });

  it('median heuristic: h = median pairwise distance', () => {
    const d = pooledSquaredDistances(tf.tensor2d([0, 1], [2, 1]), tf.tensor2d([3, 7], [2, 1]));
    // distances 1, 3, 7, 2, 6, 4 → median (3 + 4)/2 = 3.5
    expect(medianBandwidth(d)).toBeCloseTo(3.5, 6);
    const kernel = gaussianKernelMatrix(d, 2);
    expect(kernel[1]).toBeCloseTo(Math.exp(-1 / 8), 6);
    expect(mmd2FromKernel(kernel, 4, Uint8Array.from([1, 1, 0, 0]))).toBeCloseTo(
      mmd2(tf.tensor2d([0, 1], [2, 1]), tf.tensor2d([3, 7], [2, 1]), { bandwidth: 2 }).mmd2,
      6,
    );
  });

  it('two samples of one distribution (n = 500 each): |MMD²| < 3 × its permutation sd', () => {
    const rng = new Rng(11, 'mmd-null');
    const x = gaussian(rng, 500, 2);
    const y = gaussian(rng, 500, 2);
    const t = mmdPermutationTest(x, y, { permutations: 100, rng });
    console.log(
      `null: MMD² ${t.mmd2.toExponential(3)}, permutation sd ${t.permutationStd.toExponential(3)}, p ${t.pValue}`,
    );
    expect(Math.abs(t.mmd2)).toBeLessThan(3 * t.permutationStd);
    expect(Math.abs(t.permutationMean)).toBeLessThan(t.permutationStd);
    tf.dispose([x, y]);
  });

  it('a 1σ mean shift gives MMD² more than 10 × the permutation sd', () => {
    const rng = new Rng(12, 'mmd-shift');
    const x = gaussian(rng, 500, 2);
    const y = gaussian(rng, 500, 2, 1);
    const t = mmdPermutationTest(x, y, { permutations: 100, rng });
    console.log(
      `shift: MMD² ${t.mmd2.toExponential(3)}, permutation sd ${t.permutationStd.toExponential(3)}, ratio ${(t.mmd2 / t.permutationStd).toFixed(1)}`,
    );
    expect(t.mmd2).toBeGreaterThan(10 * t.permutationStd);
    expect(t.pValue).toBeCloseTo(1 / 101, 12);
    tf.dispose([x, y]);
  });

  it('the unbiased estimate can be negative', () => {
    const rng = new Rng(5, 'neg');
    let negatives = 0;
    for (let i = 0; i < 10; i++) {
      const x = gaussian(rng, 20, 1);
      const y = gaussian(rng, 20, 1);
      if (mmd2(x, y).mmd2 < 0) negatives++;
      tf.dispose([x, y]);
    }
    expect(negatives).toBeGreaterThan(0);
  });

  it('the mmd metric compares generated and real samples and leaks nothing', async () => {
    const data: DataSource = {
      sampleShape: [2],
      sampler: (rng) => ({ next: (n) => ({ x: gaussian(rng, n, 2) }), state: () => null, restore: () => {} }),
    };
    const rng = new Rng(3, 'metrics');
    const ctx: MetricContext = { generate: (n) => gaussian(rng, n, 2, 3), data, rng };
    const before = tf.memory().numTensors;
    const values = await mmdMetric({ samples: 200, permutations: 20 }).compute(ctx);
    expect(tf.memory().numTensors).toBe(before);
    expect(values.mmd2).toBeGreaterThan(10 * values.permutation_std);
    expect(values.p_value).toBeCloseTo(1 / 21, 12);
    expect(Object.keys(values).sort()).toEqual(['bandwidth', 'mmd2', 'p_value', 'permutation_std']);
  });
});
