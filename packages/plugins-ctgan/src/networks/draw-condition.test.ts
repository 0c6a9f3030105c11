import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '@ganforge/core';
import { conditionCdf, drawConditionFromNormal } from './draw-condition.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('conditionCdf', () => {
  it('each slot n_{i,k}/(N·S): a column uniformly, its category by frequency; +∞ from the last slot with mass', () => {
    // S = 2 spans over N = 10 rows: counts [4, 3, 3] and [8, 2, 0].
    const cdf = Array.from(
      conditionCdf([
        [4, 3, 3],
        [8, 2, 0],
      ]),
    );
    [0.2, 0.35, 0.5, 0.9].forEach((v, j) => expect(cdf[j]).toBeCloseTo(v, 6));
    expect(cdf.slice(4)).toEqual([Infinity, Infinity]);
  });
});

describe('drawConditionFromNormal', () => {
  it('picks the slot whose CDF interval holds Φ(z) (hand-picked z)', () => {
    const cdf = conditionCdf([
      [4, 3, 3],
      [8, 2, 0],
    ]);
    // Φ(−1.5) = 0.0668 → 0; Φ(−0.5) = 0.3085 → 1; Φ(0) = 0.5 → 3 (cdf 0.5 ≤ u); Φ(1.5) = 0.933 → 4.
    const z = tf.tensor2d([[-1.5], [-0.5], [0.001], [1.5], [9]]);
    const c = drawConditionFromNormal(z, cdf);
    expect((c.arraySync() as number[][]).map((r) => r.indexOf(1))).toEqual([0, 1, 3, 4, 4]);
    tf.dispose([z, c]);
  });

  it('draws each slot with its share (20,000 normal draws, within 0.01)', () => {
    const cdf = conditionCdf([
      [4, 3, 3],
      [8, 2, 0],
    ]);
    const z = new Rng(8, 'cond').normalTensor([20_000, 1]);
    const share = tf.mean(drawConditionFromNormal(z, cdf), 0);
    const got = Array.from(share.dataSync());
    [0.2, 0.15, 0.15, 0.4, 0.1, 0].forEach((p, j) => expect(Math.abs(got[j] - p)).toBeLessThan(0.01));
    tf.dispose([z, share]);
  });
});
