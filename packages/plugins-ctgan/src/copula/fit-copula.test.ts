import { Rng } from '@ganforge/core';
import { describe, expect, it } from 'vitest';
import { fitGaussianCopula, type CopulaInput } from './fit-copula.js';
import { normalQuantile } from './normal.js';
import { sampleGaussianCopula } from './sample-copula.js';

// A five-row table: x continuous with a tie, c categorical (slots a, b), y numeric with a missing
// cell. Hand-computed uniforms:
//   x = 1, 2, 3, 3, 10 → ranks 1, 2, 3.5, 3.5, 5 → u = 0.1, 0.3, 0.6, 0.6, 0.9
//   c = a, a, b, b, b → b (0.6) tiles [0, 0.6), a (0.4) [0.6, 1) → u = 0.8, 0.8, 0.3, 0.3, 0.3
//   y = 5, –, 7, 6, 8 → observed ranks 1, 3, 2, 4 of 4; missing → 0.5: u = 0.125, 0.5, 0.625, 0.375, 0.875
//   y missing: observed (0.8) [0, 0.8), missing (0.2) [0.8, 1) → u = 0.4, 0.9, 0.4, 0.4, 0.4
// R is the Pearson correlation of Φ⁻¹(u) (computed with NumPy from exact quantiles).
const tiny: CopulaInput[] = [
  { kind: 'numeric', column: 'x', values: [1, 2, 3, 3, 10], discrete: false },
  { kind: 'category', column: 'c', slots: [0, 0, 1, 1, 1], count: 2 },
  { kind: 'numeric', column: 'y', values: [5, NaN, 7, 6, 8], discrete: false },
];
const R = [
  [1, -0.8550875009274, 0.9094945643346, -0.3032333043205],
  [-0.8550875009274, 1, -0.622073776604, 0.6123724356958],
  [0.9094945643346, -0.622073776604, 1, 0],
  [-0.3032333043205, 0.6123724356958, 0, 1],
];

describe('fitGaussianCopula', () => {
  it('fits the hand-computed marginals and correlation of a tiny table', () => {
    const model = fitGaussianCopula(tiny);
    expect(model.dimensions.map((d) => `${d.column}:${d.role}:${d.marginal.kind}`)).toEqual([
      'x:value:quantile',
      'c:value:category',
      'y:value:quantile',
      'y:missing:category',
    ]);
    const [x, c, y, yMissing] = model.dimensions.map((d) => d.marginal);
    expect(x.kind === 'quantile' && Array.from(x.knots)).toEqual([1, 2, 3, 3, 10]);
    expect(c.kind === 'category' && Array.from(c.probabilities)).toEqual([0.4, 0.6]);
    expect(y.kind === 'quantile' && Array.from(y.knots)).toEqual([5, 6, 7, 8]);
    expect(yMissing.kind === 'category' && Array.from(yMissing.probabilities)).toEqual([0.8, 0.2]);
    expect(model.jitter).toBe(0);
    R.forEach((row, a) => row.forEach((v, b) => expect(model.correlation[a * 4 + b]).toBeCloseTo(v, 7)));
    // L·Lᵀ = R
    const l = model.cholesky;
    for (let a = 0; a < 4; a++)
      for (let b = 0; b < 4; b++) {
        let s = 0;
        for (let p = 0; p < 4; p++) s += l[a * 4 + p] * l[b * 4 + p];
        expect(s).toBeCloseTo(R[a][b], 7);
      }
  });

  it('jitters a singular correlation: a column repeated', () => {
    const model = fitGaussianCopula([tiny[0], { ...tiny[0], column: 'x2' }]);
    expect(model.jitter).toBe(1e-6);
    expect(model.correlation[1]).toBeCloseTo(1 / (1 + 1e-6), 12);
  });

  it('rejects columns of different lengths, naming them', () => {
    const short: CopulaInput = { kind: 'category', column: 'c', slots: [0, 1], count: 2 };
    expect(() => fitGaussianCopula([tiny[0], short])).toThrow(
      /columns of equal length: 'c' has 2 rows, 'x' 5/,
    );
  });
});

/** The two-sample Kolmogorov–Smirnov statistic sup |F̂₁ − F̂₂|. */
function ks(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] <= v) i++;
    while (j < y.length && y[j] <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

function correlationOf(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('sampleGaussianCopula', () => {
  // 3,000 rows of a bivariate normal with ρ = 0.7, the second column exponentiated (log-normal),
  // and a categorical column decided by the first column: 0 below 0.1 (54 %), 1 up to 1 (30 %),
  // 2 above (16 %), so that the frequency order of the categories is also the order of a.
  const n = 3000;
  const rng = new Rng(11, 'copula-truth');
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const cat = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const z1 = rng.normal();
    const z2 = 0.7 * z1 + Math.sqrt(1 - 0.49) * rng.normal();
    a[i] = z1;
    b[i] = Math.exp(z2);
    cat[i] = z1 < 0.1 ? 0 : z1 < 1 ? 1 : 2;
  }
  const model = fitGaussianCopula([
    { kind: 'numeric', column: 'a', values: a, discrete: false },
    { kind: 'numeric', column: 'b', values: b, discrete: false },
    { kind: 'category', column: 'c', slots: cat, count: 3 },
  ]);
  const m = 4000;
  const z = new Rng(12, 'copula-noise').normalArray(m * 3);
  const [sa, sb, sc] = sampleGaussianCopula(model, z, m);

  it('recovers the normal scores’ correlation ρ = 0.7 of a log-normal pair', () => {
    expect(model.correlation[1]).toBeCloseTo(0.7, 1);
    const scores = (v: Float64Array) => {
      const sorted = Float64Array.from(v).sort();
      return Float64Array.from(v, (x) => normalQuantile((upperBound(sorted, x) - 0.5) / v.length));
    };
    expect(Math.abs(correlationOf(scores(sa), scores(sb)) - 0.7)).toBeLessThan(0.04);
  });

  it('keeps each column’s distribution: small KS statistics, values within the seen range', () => {
    expect(ks(sa, a)).toBeLessThan(0.035);
    expect(ks(sb, b)).toBeLessThan(0.035);
    expect(Math.min(...sb)).toBeGreaterThanOrEqual(Math.min(...b));
    expect(Math.max(...sb)).toBeLessThanOrEqual(Math.max(...b));
  });

  it('keeps category frequencies and their dependence on the numeric column', () => {
    for (const slot of [0, 1, 2]) {
      const real = cat.filter((c) => c === slot).length / n;
      const fake = sc.filter((c) => c === slot).length / m;
      expect(Math.abs(real - fake)).toBeLessThan(0.025);
    }
    // Category 2 holds the rows with a > 1 (mean φ(1)/(1 − Φ(1)) = 1.53); sampled rows of
    // category 2 have a well above the overall mean 0 (midpoint scores blur the boundary).
    const mean = (slot: number) => {
      const rows = Array.from(sa).filter((_, i) => sc[i] === slot);
      return rows.reduce((t, v) => t + v, 0) / rows.length;
    };
    expect(mean(2)).toBeGreaterThan(0.9);
    expect(mean(0)).toBeLessThan(-0.4);
  });

  it('is a function of z: the same noise gives the same rows', () => {
    const again = sampleGaussianCopula(model, z, m);
    expect(Array.from(again[1])).toEqual(Array.from(sb));
  });
});

function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
