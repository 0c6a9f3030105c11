import * as tf from '@tensorflow/tfjs';
import { Rng, type DataSource, type MetricContext } from '@ganforge/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { medianBandwidth, pooledSquaredDistances } from './kernel-matrix.js';
import { mmd2, mmdPermutationTest } from './mmd.js';
import { mmdMultiScaleMetric, mmdMultiScaleOptionsSchema } from './mmd-multi-scale-metric.js';
import { MULTI_SCALE_FACTORS, mmd2MultiScale, mmdMultiScalePermutationTest } from './multi-scale.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('multi-scale MMD²', () => {
  it('is the sum of the single-bandwidth estimates (MMD² is linear in the kernel)', () => {
    const x = tf.tensor2d([0, 1], [2, 1]);
    const y = tf.tensor2d([3, 5], [2, 1]);
    const k = (d: number, h: number): number => Math.exp(-(d * d) / (2 * h * h));
    const byHand = (h: number): number => k(1, h) + k(2, h) - (k(3, h) + k(5, h) + k(2, h) + k(4, h)) / 2;
    const r = mmd2MultiScale(x, y, { bandwidths: [1, 2] });
    expect(r.mmd2).toBeCloseTo(byHand(1) + byHand(2), 12);
    expect(r.mmd2).toBeCloseTo(mmd2(x, y, { bandwidth: 1 }).mmd2 + mmd2(x, y, { bandwidth: 2 }).mmd2, 12);
    // default: median × {0.1, 0.2, 0.5, 1, 2, 5}; distances 1, 3, 5, 2, 4, 2 → median 2.5
    const d = mmd2MultiScale(x, y);
    expect(d.medianBandwidth).toBeCloseTo(medianBandwidth(pooledSquaredDistances(x, y)), 12);
    expect(d.bandwidths).toEqual(MULTI_SCALE_FACTORS.map((s) => s * d.medianBandwidth));
    expect(mmd2MultiScale(x, y, { scales: [1] }).mmd2).toBeCloseTo(mmd2(x, y).mmd2, 12);
    expect(() => mmd2MultiScale(x, y, { bandwidths: [1, 0] })).toThrow(
      /every kernel bandwidth must be > 0, got 0/,
    );
    tf.dispose([x, y]);
  });

  it('sees modes 3× too wide on a 5 × 5 grid (a defect at the scale of σ, not of the support)', () => {
    const rng = new Rng(7, 'multi');
    const grid = (n: number, sigma: number): tf.Tensor2D => {
      const v = new Float32Array(2 * n);
      for (let i = 0; i < n; i++) {
        const m = rng.int(25);
        v[2 * i] = (m % 5) - 2 + sigma * rng.normal();
        v[2 * i + 1] = Math.floor(m / 5) - 2 + sigma * rng.normal();
      }
      return tf.tensor2d(v, [n, 2]);
    };
    const x = grid(300, 0.05);
    const y = grid(300, 0.15);
    const explicit = mmdMultiScalePermutationTest(y, x, {
      permutations: 100,
      rng,
      bandwidths: [0.05, 0.1, 0.2],
    });
    const multi = mmdMultiScalePermutationTest(y, x, { permutations: 100, rng });
    const median = mmdPermutationTest(y, x, { permutations: 100, rng });
    const z = (r: { mmd2: number; permutationStd: number }): string => (r.mmd2 / r.permutationStd).toFixed(1);
    console.log(
      `3× wide modes: bandwidths 0.05–0.2 z ${z(explicit)} p ${explicit.pValue.toFixed(3)}; default scales z ${z(multi)} p ${multi.pValue.toFixed(3)}; median z ${z(median)} p ${median.pValue.toFixed(3)}`,
    );
    // Bandwidths near σ (0.05–0.2) see the widened modes far beyond the permutation noise.
    expect(explicit.pValue).toBeCloseTo(1 / 101, 12);
    expect(explicit.mmd2 / explicit.permutationStd).toBeGreaterThan(5);
    // The median is ≈ 2 (the grid's size), so even the default's smallest bandwidth, 0.1 × median
    // ≈ 0.2, exceeds the modes' spread: within a mode its kernel is ≈ 1 whatever σ is, and the
    // default set is blind here (measured p 0.23, as for the median heuristic alone). This is the
    // documented limit: defects below 0.1 × median need explicit `bandwidths`.
    expect(multi.pValue).toBeGreaterThan(0.05);
    expect(median.pValue).toBeGreaterThan(0.05);
    tf.dispose([x, y]);
  });

  it('the mmd-multi-scale metric reports mmd2, median_bandwidth and its test; options give clear errors', async () => {
    const gaussian = (rng: Rng, n: number, shift: number) =>
      tf.tensor2d(
        rng.normalArray(2 * n).map((v, i) => (i % 2 === 0 ? v + shift : v)),
        [n, 2],
      );
    const data: DataSource = {
      sampleShape: [2],
      sampler: (rng) => ({ next: (n) => ({ x: gaussian(rng, n, 0) }), state: () => null, restore: () => {} }),
    };
    const rng = new Rng(3, 'metrics');
    const ctx: MetricContext = { generate: (n) => gaussian(rng, n, 3), data, rng };
    const before = tf.memory().numTensors;
    const values = await mmdMultiScaleMetric({ samples: 100, permutations: 10 }).compute(ctx);
    expect(tf.memory().numTensors).toBe(before);
    expect(Object.keys(values).sort()).toEqual(['median_bandwidth', 'mmd2', 'p_value', 'permutation_std']);
    expect(values.p_value).toBeCloseTo(1 / 11, 12);
    expect(() => mmdMultiScaleOptionsSchema.parse({ scales: [] })).toThrow(
      /scales needs at least one multiple/,
    );
    expect(() => mmdMultiScaleOptionsSchema.parse({ bandwidths: [0.1, -1] })).toThrow(
      /every bandwidth must be > 0/,
    );
  });
});
