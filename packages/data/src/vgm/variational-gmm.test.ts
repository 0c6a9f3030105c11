import { readFileSync } from 'node:fs';
import { Rng } from '@ganforge/core';
import { describe, expect, it } from 'vitest';
import { kMeans1d } from './k-means-1d.js';
import { digamma, logGamma } from './special-functions.js';
import { vgmPosterior } from './posterior.js';
import { fitVariationalGmm, type WeightPrior } from './variational-gmm.js';

interface Reference {
  values: number[];
  init: number[];
  cases: {
    prior: 'dirichlet_process' | 'dirichlet_distribution';
    components: number;
    iterations: number;
    lowerBound: number;
    weights: number[];
    means: number[];
    variances: number[];
    probe: number[];
    responsibilities: number[][];
  }[];
}

const reference = JSON.parse(
  readFileSync(new URL('./fixtures/sklearn-reference.json', import.meta.url), 'utf8'),
) as Reference;

describe('special functions', () => {
  it('digamma and log-gamma match known values', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 12); // −γ (Euler–Mascheroni)
    expect(digamma(0.5)).toBeCloseTo(-0.5772156649015329 - 2 * Math.LN2, 12);
    expect(digamma(10)).toBeCloseTo(2.251752589066721, 12);
    expect(digamma(0.001)).toBeCloseTo(-1000.5755719318103, 8);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 11);
    expect(logGamma(0.001)).toBeCloseTo(6.907178885383854, 11);
    expect(logGamma(150.5)).toBeCloseTo(602.5139548705855, 9);
  });
});

describe('k-means on one dimension', () => {
  it('separates well-spread clusters and is deterministic for a seed', () => {
    const values = [0, 0.1, 0.2, 10, 10.1, 10.2, 20, 20.1];
    const a = kMeans1d(values, 3, new Rng(3));
    const b = kMeans1d(values, 3, new Rng(3));
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect([...a.centres].sort((x, y) => x - y)).toEqual(
      [0.1, 10.1, 20.05].map((v) => expect.closeTo(v, 10)),
    );
    expect(new Set(a.labels).size).toBe(3);
  });

  it('with fewer distinct values than clusters, the extra centres are duplicates', () => {
    const { labels } = kMeans1d([1, 1, 1, 5, 5], 4, new Rng(1));
    expect(new Set(labels).size).toBe(2);
  });
});

describe('variational Bayesian Gaussian mixture', () => {
  it.each(reference.cases)(
    'reproduces scikit-learn 1.2 BayesianGaussianMixture ($prior, K = $components) from the same start',
    (c) => {
      const prior: WeightPrior = c.prior === 'dirichlet_process' ? 'dirichlet-process' : 'dirichlet';
      const model = fitVariationalGmm(reference.values, new Rng(0), {
        maxComponents: c.components,
        prior,
        init: reference.init,
      });
      expect(model.iterations).toBe(c.iterations);
      expect(model.converged).toBe(true);
      expect(model.lowerBound).toBeCloseTo(c.lowerBound, 7);
      model.weights.forEach((w, k) => expect(w).toBeCloseTo(c.weights[k], 9));
      model.means.forEach((m, k) => expect(m).toBeCloseTo(c.means[k], 9));
      model.variances.forEach((v, k) => expect(v).toBeCloseTo(c.variances[k], 9));
      const posterior = vgmPosterior(model);
      c.probe.forEach((x, i) => {
        const r = posterior(x);
        r.forEach((p, k) => expect(p).toBeCloseTo(c.responsibilities[i][k], 9));
      });
    },
  );

  it('finds three known Gaussians from three seeds and prunes the other seven components below 0.005', () => {
    const rng = new Rng(7, 'three-gaussians');
    const truth = [
      { weight: 0.5, mean: -5, sd: 1 },
      { weight: 0.3, mean: 0, sd: 0.5 },
      { weight: 0.2, mean: 4, sd: 0.8 },
    ];
    const n = 3000;
    const values = new Float64Array(n);
    let i = 0;
    for (const g of truth) for (let j = 0; j < g.weight * n; j++) values[i++] = g.mean + g.sd * rng.normal();
    const fit = (seed: number) => fitVariationalGmm(values, new Rng(seed, 'vgm'));
    for (const seed of [1, 2, 3]) {
      const model = fit(seed);
      expect(model.converged).toBe(true);
      const kept = model.weights
        .map((weight, k) => ({ weight, mean: model.means[k], sd: model.sds[k] }))
        .filter((c) => c.weight > 0.005)
        .sort((a, b) => a.mean - b.mean);
      expect(kept).toHaveLength(3);
      kept.forEach((c, k) => {
        expect(Math.abs(c.weight - truth[k].weight)).toBeLessThan(0.02);
        expect(Math.abs(c.mean - truth[k].mean)).toBeLessThan(0.1);
        expect(Math.abs(c.sd / truth[k].sd - 1)).toBeLessThan(0.08);
      });
      const pruned = model.weights.filter((w) => w <= 0.005);
      expect(pruned).toHaveLength(7);
      expect(Math.max(...pruned)).toBeLessThan(1e-3);
      if (seed === 1) expect(fit(1)).toEqual(model); // deterministic for a seed
    }
  });

  it('a constant column gets one component with the variance floor', () => {
    const model = fitVariationalGmm(new Float64Array(50).fill(3), new Rng(1));
    const kept = model.weights.map((w, k) => [w, k]).filter(([w]) => w > 0.005);
    expect(kept).toHaveLength(1);
    expect(model.means[kept[0][1]]).toBeCloseTo(3, 9);
    expect(model.sds[kept[0][1]]).toBeLessThan(0.01);
  });

  it('rejects an empty column, a non-finite value and a bad initial assignment', () => {
    expect(() => fitVariationalGmm([], new Rng(1))).toThrow(/empty column/);
    expect(() => fitVariationalGmm([1, Number.NaN], new Rng(1))).toThrow(/value 1 is NaN/);
    expect(() => fitVariationalGmm([1, 2, 3], new Rng(1), { maxComponents: 2, init: [0, 2, 1] })).toThrow(
      /init: expected 3 component indices in \[0, 2\)/,
    );
  });
});
