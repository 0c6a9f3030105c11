import { Rng } from '@ganforge/core';
import { describe, expect, it } from 'vitest';
import { sqrtmSymmetric, symmetricEigen } from '../linalg/symmetric-eigen.js';
import { classifierScore, classifierScoreCeiling } from './classifier-score.js';
import { featureStatistics, frechetDistance, type FeatureStatistics } from './frechet-distance.js';

function stats(mean: number[], covariance: number[]): FeatureStatistics {
  return {
    n: 100,
    dim: mean.length,
    mean: Float64Array.from(mean),
    covariance: Float64Array.from(covariance),
  };
}

function randomSpd(rng: Rng, d: number): Float64Array {
  const a = rng.normalArray(d * d);
  const m = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) m[i * d + j] += a[i * d + k] * a[j * d + k];
  return m;
}

describe('classifier score (Salimans et al. 2016)', () => {
  it('is 1 for identical predictions and k for confident, balanced ones', () => {
    expect(classifierScore([0.2, 0.8, 0.2, 0.8], 2)).toBeCloseTo(1, 12);
    const oneHot = [1, 0, 0, 0, 1, 0, 0, 0, 1];
    expect(classifierScore(oneHot, 3)).toBeCloseTo(3, 12);
    // worked case: p1 = (1, 0), p2 = (0.5, 0.5): p(y) = (0.75, 0.25);
    // KL1 = log(1/0.75), KL2 = 0.5 log(0.5/0.75) + 0.5 log(0.5/0.25)
    const kl = (Math.log(1 / 0.75) + 0.5 * Math.log(0.5 / 0.75) + 0.5 * Math.log(2)) / 2;
    expect(classifierScore([1, 0, 0.5, 0.5], 2)).toBeCloseTo(Math.exp(kl), 12);
    expect(classifierScoreCeiling([0, 0, 1, 2], 3)).toBeCloseTo(
      Math.exp(-(0.5 * Math.log(0.5) + 2 * 0.25 * Math.log(0.25))),
      12,
    );
  });
});

describe('Fréchet distance (Heusel et al. 2017)', () => {
  it('symmetric eigen-decomposition and PSD square root are exact to float64 rounding', () => {
    const d = 12;
    const a = randomSpd(new Rng(1), d);
    const { values, vectors } = symmetricEigen(a, d);
    // A v = λ v for every pair
    for (let k = 0; k < d; k++) {
      for (let i = 0; i < d; i++) {
        let av = 0;
        for (let j = 0; j < d; j++) av += a[i * d + j] * vectors[j * d + k];
        expect(av).toBeCloseTo(values[k] * vectors[i * d + k], 9);
      }
    }
    const r = sqrtmSymmetric(a, d);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        let rr = 0;
        for (let k = 0; k < d; k++) rr += r[i * d + k] * r[k * d + j];
        expect(rr).toBeCloseTo(a[i * d + j], 9);
      }
  });

  it('matches closed forms: 0 for equal statistics, Σ(√a − √b)² + ‖Δμ‖² for diagonal covariances', () => {
    const a = stats([0, 1], [4, 0, 0, 9]);
    expect(frechetDistance(a, a)).toBeCloseTo(0, 10);
    const b = stats([3, 1], [1, 0, 0, 1]);
    // ‖Δμ‖² = 9; (2 − 1)² + (3 − 1)² = 5
    expect(frechetDistance(a, b)).toBeCloseTo(14, 10);
    expect(frechetDistance(b, a)).toBeCloseTo(14, 10);
  });

  it('for 1-D Gaussians equals (μ₁ − μ₂)² + (σ₁ − σ₂)²; the non-commuting case is symmetric', () => {
    expect(frechetDistance(stats([1], [4]), stats([-1], [0.25]))).toBeCloseTo(4 + 1.5 ** 2, 12);
    const rng = new Rng(2);
    const p = stats([0, 0, 0], Array.from(randomSpd(rng, 3)));
    const q = stats([1, 0, -1], Array.from(randomSpd(rng, 3)));
    expect(frechetDistance(p, q)).toBeCloseTo(frechetDistance(q, p), 9);
    expect(frechetDistance(p, q)).toBeGreaterThan(2);
  });

  it('feature statistics: mean and unbiased covariance', () => {
    const s = featureStatistics([1, 2, 3, 6], 2);
    expect(Array.from(s.mean)).toEqual([2, 4]);
    // deviations (−1, −2), (1, 2): cov = [[2, 4], [4, 8]] / (2 − 1)
    expect(Array.from(s.covariance)).toEqual([2, 4, 4, 8]);
    expect(() => featureStatistics([1, 2], 2)).toThrow(/≥ 2 vectors/);
  });
});
