import * as tf from '@tensorflow/tfjs';
import { ConfigError, Rng } from '@ganforge/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { densityCoverage, densityCoverageBatched } from './density-coverage.js';
import { kNearestRadiiBatched, kNearestRadiiExact } from './knn-radii.js';
import { manifoldStatisticsBatched, manifoldStatisticsExact } from './manifold-statistics.js';
import { precisionRecall, precisionRecallBatched } from './precision-recall.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const line = (...v: number[]) => ({ values: Float32Array.from(v), dim: 1 });

/** Two well-separated 2-D Gaussian modes at (±5, 0), σ 0.5; `modes` picks which to draw from. */
function twoModes(rng: Rng, n: number, modes: number[]): Float32Array {
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = (modes[i % modes.length] === 0 ? -5 : 5) + 0.5 * rng.normal();
    out[2 * i + 1] = 0.5 * rng.normal();
  }
  return out;
}

describe('k-NN radii', () => {
  it('exclude the point itself and count duplicates as neighbours at 0', () => {
    // 0, 1, 3, 3 with k = 1: 1, 1, 0, 0 (squared); k = 2: 3² = 9 for 0, 2² for 1, 2² and 2² for the 3s
    expect([...kNearestRadiiExact({ values: Float64Array.from([0, 1, 3, 3]), rows: 4, dim: 1 }, 1)]).toEqual([
      1, 1, 0, 0,
    ]);
    expect([
      ...kNearestRadiiBatched({ values: Float64Array.from([0, 1, 3, 3]), rows: 4, dim: 1 }, 2, 3),
    ]).toEqual([9, 4, 4, 4]);
  });

  it('need k + 1 points and a positive k', () => {
    const three = { values: Float64Array.from([0, 1, 2]), rows: 3, dim: 1 };
    expect(() => kNearestRadiiExact(three, 3)).toThrow(
      /3 points have no 3-th nearest neighbour besides themselves/,
    );
    expect(() => kNearestRadiiBatched(three, 0)).toThrow(ConfigError);
  });
});

describe('precision/recall and density/coverage on point sets worked out by hand', () => {
  it('1-D, k = 1, with ties on the radius counted inside (≤)', () => {
    // real 0, 1, 3: radii 1, 1, 2. generated 0.5, 5, 10: radii 4.5, 4.5, 5.
    // precision: 0.5 ∈ B(0,1); 5 ∈ B(3,2) (on the boundary: a tie); 10 in none → 2/3
    // recall: 0, 1, 3 all within 4.5 of 0.5 → 1
    // density: 0.5 in B(0,1), B(1,1); 5 in B(3,2); 10 in none → 3 / (k·m) = 3/3 = 1
    // coverage: B(0,1) ∋ 0.5, B(1,1) ∋ 0.5, B(3,2) ∋ 5 (tie) → 1; with clovaai's < it would be 2/3
    const real = line(0, 1, 3);
    const fake = line(0.5, 5, 10);
    expect(precisionRecall(real, fake, { k: 1 })).toEqual({ precision: 2 / 3, recall: 1 });
    expect(densityCoverage(real, fake, { k: 1 })).toEqual({ density: 1, coverage: 1 });
    expect(precisionRecallBatched(real, fake, { k: 1, chunkRows: 2 })).toEqual({
      precision: 2 / 3,
      recall: 1,
    });
    expect(densityCoverageBatched(real, fake, { k: 1, chunkRows: 1 })).toEqual({ density: 1, coverage: 1 });
  });

  it('identical sets: precision = recall = coverage = 1, density = (k + 1)/k', () => {
    // Each generated copy lies in its own real ball (distance 0) and in the balls of the real
    // points it is one of the k nearest neighbours of: Σⱼ #balls = Σᵢ (1 + k) → density (k + 1)/k.
    const rng = new Rng(1, 'identical');
    const x = tf.tensor2d(rng.normalArray(120), [60, 2]);
    expect(manifoldStatisticsExact(x, x)).toEqual({ precision: 1, recall: 1, density: 6 / 5, coverage: 1 });
    expect(manifoldStatisticsExact(x, x, { k: 3 }).density).toBeCloseTo(4 / 3, 12);
    x.dispose();
  });

  it('disjoint, far sets: all four are 0', () => {
    const rng = new Rng(2, 'disjoint');
    const real = { values: rng.uniformArray(100), dim: 2 };
    const far = { values: rng.uniformArray(100, 100, 101), dim: 2 };
    expect(manifoldStatisticsBatched(real, far, { chunkRows: 7 })).toEqual({
      precision: 0,
      recall: 0,
      density: 0,
      coverage: 0,
    });
  });

  it('one of two modes dropped: recall and coverage fall to about half, precision stays ≈ 1', () => {
    const rng = new Rng(3, 'dropped');
    const real = { values: twoModes(rng, 400, [0, 1]), dim: 2 };
    const both = { values: twoModes(rng, 400, [0, 1]), dim: 2 };
    const one = { values: twoModes(rng, 400, [0]), dim: 2 };
    const full = manifoldStatisticsExact(real, both);
    const dropped = manifoldStatisticsExact(real, one);
    console.log(`both modes ${JSON.stringify(full)}\none mode ${JSON.stringify(dropped)}`);
    // Recall can at most reach the 200 real points of the kept mode (≤ 0.5); a fresh draw of the
    // same mode reaches almost all of them, so ≥ 0.45 (measured values are printed above).
    expect(dropped.recall).toBeLessThanOrEqual(0.5);
    expect(dropped.recall).toBeGreaterThan(0.45);
    expect(dropped.coverage).toBeLessThanOrEqual(0.5);
    expect(dropped.coverage).toBeGreaterThan(0.45);
    expect(dropped.precision).toBeGreaterThan(0.95);
    expect(full.recall).toBeGreaterThan(0.95);
    expect(full.precision).toBeGreaterThan(0.95);
  });

  it('a fresh draw of the real distribution: density ≈ 1 and coverage ≈ 1 − ∏ (n − t)/(n + m − t) (Naeem et al. Lemmas 1–2)', () => {
    const rng = new Rng(4, 'expected');
    const n = 500;
    const stats = [0, 1, 2, 3].map(() =>
      densityCoverageBatched(
        { values: rng.normalArray(2 * n), dim: 2 },
        { values: rng.normalArray(2 * n), dim: 2 },
      ),
    );
    let product = 1;
    for (let t = 1; t <= 5; t++) product *= (n - t) / (2 * n - t);
    const meanDensity = stats.reduce((a, s) => a + s.density, 0) / stats.length;
    const meanCoverage = stats.reduce((a, s) => a + s.coverage, 0) / stats.length;
    console.log(
      `density ${stats.map((s) => s.density.toFixed(3))}, coverage ${stats.map((s) => s.coverage.toFixed(3))}, expected ${(1 - product).toFixed(4)}`,
    );
    // Averages of 4 draws of 500: the per-draw sd of density is ≈ 0.03, of coverage ≈ 0.008.
    expect(meanDensity).toBeGreaterThan(0.95);
    expect(meanDensity).toBeLessThan(1.05);
    expect(Math.abs(meanCoverage - (1 - product))).toBeLessThan(0.015);
  });
});

describe('exact and batched implementations', () => {
  it('agree bit for bit on random sets, with ties, for every chunk size', () => {
    const rng = new Rng(5, 'agree');
    const real = rng.normalArray(37 * 3);
    const fake = rng.normalArray(53 * 3);
    real.copyWithin(3, 0, 3); // a duplicated real point
    fake.set(real.subarray(6, 12), 0); // two generated copies of real points
    for (const k of [1, 3, 5]) {
      const exact = manifoldStatisticsExact({ values: real, dim: 3 }, { values: fake, dim: 3 }, { k });
      for (const chunkRows of [1, 4, 7, 64])
        expect(
          manifoldStatisticsBatched({ values: real, dim: 3 }, { values: fake, dim: 3 }, { k, chunkRows }),
        ).toEqual(exact);
      const m = { values: Float64Array.from(fake), rows: 53, dim: 3 };
      expect(kNearestRadiiBatched(m, k, 5)).toEqual(kNearestRadiiExact(m, k));
    }
  });

  it('reject mismatched dimensions and bad options with ConfigErrors', () => {
    expect(() =>
      precisionRecall(line(0, 1, 2, 3, 4, 5, 6), { values: new Float32Array(14), dim: 2 }),
    ).toThrow(/real features have 1 dimensions but generated ones have 2/);
    expect(() => densityCoverageBatched(line(0, 1, 2), line(0, 1, 2), { k: 1, chunkRows: 0 })).toThrow(
      /chunkRows must be a positive integer/,
    );
    expect(() => precisionRecall({ values: new Float32Array(5), dim: 2 }, line(0))).toThrow(
      /not a whole number of 2-dimensional rows/,
    );
  });

  it('handle 10,000 × 10,000 points without an n × m matrix', () => {
    const rng = new Rng(6, 'large');
    const n = 10_000;
    const real = { values: rng.uniformArray(2 * n), dim: 2 };
    const fake = { values: rng.uniformArray(2 * n), dim: 2 };
    const started = performance.now();
    const s = manifoldStatisticsBatched(real, fake, { chunkRows: 512 });
    console.log(
      `10,000 × 10,000 in 2-D: ${((performance.now() - started) / 1000).toFixed(1)} s, ${JSON.stringify(s)}`,
    );
    // Same distribution: precision and recall near 1 and E[coverage] = 1 − ∏(n−t)/(2n−t) ≈ 0.969.
    expect(s.precision).toBeGreaterThan(0.97);
    expect(s.recall).toBeGreaterThan(0.97);
    expect(s.coverage).toBeCloseTo(0.969, 1);
    expect(s.density).toBeCloseTo(1, 1);
  });
});
