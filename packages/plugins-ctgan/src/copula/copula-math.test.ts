import { describe, expect, it } from 'vitest';
import { cholesky, pearsonCorrelation, positiveDefiniteCholesky } from './correlation.js';
import {
  intervalBounds,
  intervalOrder,
  midRankUniforms,
  quantileAt,
  quantileKnots,
  slotAt,
} from './marginals.js';
import { normalCdf, normalQuantile } from './normal.js';

describe('normalCdf and normalQuantile', () => {
  it('match tabulated values of Φ and Φ⁻¹', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-5)).toBeCloseTo(2.866515718791939e-7, 15);
    expect(normalCdf(9)).toBe(1);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.125)).toBeCloseTo(-1.1503493803760079, 8);
    expect(normalQuantile(1e-6)).toBeCloseTo(-4.753424308822899, 7);
    expect([normalQuantile(0), normalQuantile(1), normalQuantile(1.5)]).toEqual([-Infinity, Infinity, NaN]);
  });

  it('invert each other', () => {
    for (const x of [-6, -3.2, -1, -0.01, 0.4, 2.5, 5.5])
      expect(normalQuantile(normalCdf(x))).toBeCloseTo(x, 6);
  });
});

describe('marginals', () => {
  it('gives ties their average rank: u = (r̄ − ½)/n, NaN for missing', () => {
    const u = midRankUniforms([3, 1, NaN, 3, 10, 2, 3]);
    // Finite values sorted: 1, 2, 3, 3, 3, 10 → ranks 1, 2, 4, 4, 4, 6 over n = 6.
    expect(Array.from(u)).toEqual([3.5 / 6, 0.5 / 6, NaN, 3.5 / 6, 5.5 / 6, 1.5 / 6, 3.5 / 6]);
  });

  it('puts the knots at Hazen positions and interpolates between them, flat outside', () => {
    const sorted = [1, 2, 3, 3, 10];
    expect(Array.from(quantileKnots(sorted, 1000))).toEqual(sorted);
    // m = 2: p = 0.25, 0.75 → positions 1.75 and 4.25 of the sorted values.
    expect(Array.from(quantileKnots(sorted, 2))).toEqual([1.75, 4.75]);
    const knots = [1, 2, 3, 3, 10];
    expect(quantileAt(knots, 0.1)).toBe(1);
    expect(quantileAt(knots, 0.8)).toBeCloseTo(6.5, 12);
    expect(quantileAt(knots, 0.02)).toBe(1);
    expect(quantileAt(knots, 0.99)).toBe(10);
  });

  it('tiles [0, 1] by descending frequency (ties: lower slot first) or by value', () => {
    const p = [0.2, 0.5, 0.2, 0.1, 0];
    expect(Array.from(intervalOrder(p))).toEqual([1, 0, 2, 3, 4]);
    expect(Array.from(intervalOrder(p, true))).toEqual([0, 1, 2, 3, 4]);
    const { lower, upper } = intervalBounds(p, intervalOrder(p));
    const close = (a: ArrayLike<number>, b: number[]) => b.forEach((v, j) => expect(a[j]).toBeCloseTo(v, 14));
    close(lower, [0.5, 0, 0.7, 0.9, 1]);
    close(upper, [0.7, 0.5, 0.9, 1, 1]);
    const order = intervalOrder(p);
    expect([0, 0.49, 0.5, 0.69, 0.7, 0.95, 1].map((u) => slotAt(p, order, u))).toEqual([1, 1, 0, 0, 2, 3, 3]);
  });
});

describe('correlation', () => {
  it('is the Pearson correlation, 0 off the diagonal for a constant column', () => {
    const r = pearsonCorrelation([
      [1, 2, 3, 4],
      [2, 4, 6, 9],
      [5, 5, 5, 5],
    ]);
    // x = 1…4, y = 2, 4, 6, 9: Σ(x − x̄)(y − ȳ) = 11.5, Σ(x − x̄)² = 5, Σ(y − ȳ)² = 26.75.
    expect(r[1]).toBeCloseTo(11.5 / Math.sqrt(5 * 26.75), 14);
    expect(Array.from(r.subarray(6))).toEqual([0, 0, 1]);
  });

  it('factors a positive definite R as it is, and jitters a singular one: (R + δI)/(1 + δ)', () => {
    const r = [1, 0.5, 0.5, 1];
    const plain = positiveDefiniteCholesky(r, 2);
    expect(plain.jitter).toBe(0);
    expect(Array.from(plain.cholesky)).toEqual([1, 0, 0.5, Math.sqrt(0.75)]);
    const singular = [1, 1, 1, 1];
    expect(cholesky(singular, 2)).toBeUndefined();
    const fixed = positiveDefiniteCholesky(singular, 2);
    expect(fixed.jitter).toBe(1e-6);
    expect(Array.from(fixed.correlation)).toEqual([1, 1 / (1 + 1e-6), 1 / (1 + 1e-6), 1]);
    const l = fixed.cholesky;
    expect(l[2] * l[2] + l[3] * l[3]).toBeCloseTo(1, 12);
    expect(l[2]).toBeCloseTo(1 / (1 + 1e-6), 12);
  });
});
