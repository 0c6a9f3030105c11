import { ConfigError, DataError, Rng } from '@ganforge/core';
import { describe, expect, it } from 'vitest';
import { vgmPosterior } from '../../vgm/posterior.js';
import { fitMinMax } from './min-max.js';
import { fitMixed } from './mixed.js';
import { fitModes } from './mode-codec.js';
import { fitModeSpecific } from './mode-specific.js';
import { numericDomain } from './numeric-domain.js';
import { fitOneHot } from './one-hot.js';
import { findPointMasses } from './point-masses.js';

const rows = (values: Float32Array, width: number) =>
  Array.from({ length: values.length / width }, (_, i) =>
    Array.from(values.subarray(i * width, (i + 1) * width)),
  );

/** −1, 0, 1 and 9, 10, 11, 100 times each: two clusters whose VGM posterior is known in closed form. */
const twoClusters = Float64Array.from([
  ...Array<number[]>(100).fill([-1, 0, 1]).flat(),
  ...Array<number[]>(100).fill([9, 10, 11]).flat(),
]);
// m₀ = 5, W₀⁻¹ = sample variance 25.7095…, n_k = 300, x̄_k ∈ {0, 10}, S_k = 2/3 + 1e-6 (reg_covar):
// η_k = (m₀ + n_k x̄_k)/(1 + n_k); φ_k² = (W₀⁻¹ + n_k S_k + n_k/(1 + n_k)(x̄_k − m₀)²)/(1 + n_k).
const ETA = [0.016611295681063124, 9.983388704318937];
const PHI = 0.9124949540321249;

describe('min-max', () => {
  it('maps [min, max] to [−1, 1] and back, clipping and rounding to the domain', () => {
    const values = [10, 20, 40];
    const t = fitMinMax('x', values, numericDomain(values, true, 0));
    const block = t.forward(values, new Rng(1));
    expect(Array.from(block.values)).toEqual([-1, -1 / 3, 1].map(Math.fround));
    expect(block.spans).toEqual([
      { kind: 'continuous', column: 'x', start: 0, width: 1, activation: 'tanh', role: 'scaled' },
    ]);
    expect(t.inverse(block.values, 3)).toEqual(values);
    // offset 25, scale 15: 0 ↦ 25, 2 ↦ clip → 40, −0.5 ↦ 17.5 ↦ 18 (integer column)
    expect(t.inverse([0, 2, -0.5], 3)).toEqual([25, 40, 18]);
    expect(() => fitMinMax('x', [1, Number.NaN], numericDomain([1], false, 0))).toThrow(ConfigError);
  });
});

describe('one-hot', () => {
  it('encodes categories and missing, decodes by argmax, rejects unknown categories by cell', () => {
    const t = fitOneHot('city', ['Bergen', 'Oslo'], true);
    const block = t.forward(['Oslo', null, 'Bergen'], new Rng(1));
    expect(rows(block.values, 3)).toEqual([
      [0, 1, 0],
      [0, 0, 1],
      [1, 0, 0],
    ]);
    expect(block.spans[0]).toMatchObject({
      kind: 'one-hot',
      role: 'category',
      labels: ['Bergen', 'Oslo', '<missing>'],
    });
    expect(t.inverse([0.2, 0.5, 0.3, 0.1, 0.1, 0.8], 2)).toEqual(['Oslo', null]);
    expect(() =>
      t.forward(['Oslo', 'Tromsø'], new Rng(1), (i) => `'c.csv', row ${i + 2}, column 'city'`),
    ).toThrow(
      new DataError("'c.csv', row 3, column 'city': unknown category 'Tromsø' (known: Bergen, Oslo)"),
    );
    expect(() => fitOneHot('city', ['Oslo'], false).forward([null], new Rng(1))).toThrow(
      /value 0: missing, but the column had no missing values/,
    );
  });
});

describe('mode-specific normalization (CTGAN)', () => {
  it('fits the modes of two clusters as computed by hand and encodes α = (x − η_k)/(4φ_k)', () => {
    const t = fitModeSpecific('x', twoClusters, numericDomain(twoClusters, true, 0), new Rng(1), {
      maxComponents: 2,
    });
    const json = t.toJSON() as { means: number[]; sds: number[] };
    const order = json.means[0] < json.means[1] ? [0, 1] : [1, 0];
    order.forEach((k, j) => {
      expect(json.means[k]).toBeCloseTo(ETA[j], 9);
      expect(json.sds[k]).toBeCloseTo(PHI, 9);
    });
    expect(t.spans.map((s) => [s.kind, s.start, s.width])).toEqual([
      ['continuous', 0, 1],
      ['one-hot', 1, 2],
    ]);
    const block = t.forward([1, 9, 4], new Rng(2));
    const [a, b, c] = rows(block.values, 3);
    expect(a[0]).toBeCloseTo(0.26942305269019495, 6); // (1 − η₀)/(4φ)
    expect(a[1 + order[0]]).toBe(1);
    expect(b[0]).toBeCloseTo(-0.269423052690195, 6); // (9 − η₁)/(4φ)
    expect(b[1 + order[1]]).toBe(1);
    // 4 is 1.09·4φ from η₀ and farther from η₁: no mode fits, the likelier one is used and α clips
    expect(c[0]).toBeCloseTo(0.99, 6);
    expect(c[1 + order[0]]).toBe(1);
    expect(t.inverse(block.values, 3)).toEqual([1, 9, Math.round(ETA[0] + 0.99 * 4 * PHI)]);
  });

  it('round trip: forward then inverse is the identity on the seen data', () => {
    const rng = new Rng(3, 'data');
    const values = Float64Array.from(
      { length: 600 },
      (_, i) => Math.round(100 * (i % 3 === 0 ? 50 + 5 * rng.normal() : -20 + 2 * rng.normal())) / 100,
    );
    const t = fitModeSpecific('x', values, numericDomain(values, false, 2), new Rng(4));
    expect(t.width).toBeGreaterThanOrEqual(3);
    const block = t.forward(values, new Rng(5));
    expect(t.inverse(block.values, values.length)).toEqual(Array.from(values));
    for (const [alpha] of rows(block.values, t.width))
      expect(Math.abs(alpha)).toBeLessThanOrEqual(0.99 + 1e-7);
  });

  it('draws each value’s mode from the posterior over the modes that fit it', () => {
    const rng = new Rng(5, 'data');
    const values = Float64Array.from({ length: 4000 }, (_, i) => (i % 2 ? 0 : 2) + rng.normal());
    const codec = fitModes(values, new Rng(6), { maxComponents: 2 });
    const r = vgmPosterior(codec.model)(1);
    const draws = new Rng(7);
    let first = 0;
    for (let i = 0; i < 4000; i++) if (codec.encode(1, draws).mode === 0) first++;
    expect(r[0]).toBeGreaterThan(0.2);
    expect(r[0]).toBeLessThan(0.8);
    expect(first / 4000).toBeCloseTo((r[0] + 1e-6) / (r[0] + r[1] + 2e-6), 1);
  });
});

describe('point masses and the mixed encoding (CTAB-GAN)', () => {
  it('finds zero-inflation, few-level integers and clipped bounds', () => {
    const zeroInflated = [0, 0, 0, 0, 1.5, 2.25, 3.5, 4.75, 6, 7.5, 8.25, 9];
    expect(findPointMasses(zeroInflated, false)).toEqual([0]);
    expect(findPointMasses([1, 2, 2, 3, 3, 3, Number.NaN], true)).toEqual([1, 2, 3]);
    const clipped = [...Array.from({ length: 97 }, (_, i) => i + 0.5), 100, 100, 100];
    expect(findPointMasses(clipped, false)).toEqual([100]);
    expect(
      findPointMasses(
        Array.from({ length: 20 }, (_, i) => i + 0.5),
        false,
      ),
    ).toEqual([]);
  });

  it('encodes masses and missing as slots with α = 0 and the rest by mode, as computed by hand', () => {
    const values = Float64Array.from([
      ...Array<number>(60).fill(0),
      ...Array<number>(10).fill(Number.NaN),
      ...Array<number[]>(10).fill([4, 5, 6]).flat(),
    ]);
    const t = fitMixed('debt', values, [0], true, numericDomain(values, true, 0), new Rng(1), {
      maxComponents: 1,
    });
    expect(t.spans).toEqual([
      { kind: 'continuous', column: 'debt', start: 0, width: 1, activation: 'tanh', role: 'mode-offset' },
      {
        kind: 'one-hot',
        column: 'debt',
        start: 1,
        width: 3,
        activation: 'softmax',
        role: 'mixed',
        labels: ['=0', '<missing>', 'mode 0'],
      },
    ]);
    // the rest {4, 5, 6}×10: η = 5, φ² = (W₀⁻¹ + 30 (2/3 + 1e-6))/31 with W₀⁻¹ = 0.689655…, φ = 0.81695116…
    const block = t.forward([0, Number.NaN, 6, 4], new Rng(2));
    expect(rows(block.values, 4).map((r) => r.map((v) => Number(v.toFixed(6))))).toEqual([
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0.306016, 0, 0, 1],
      [-0.306016, 0, 0, 1],
    ]);
    expect(t.inverse(block.values, 4)).toEqual([0, Number.NaN, 6, 4]);
    // a generator's output: the argmax slot decides; α is ignored for a mass
    expect(t.inverse([0.7, 0.6, 0.3, 0.1, 0.2, 0.1, 0.1, 0.9], 2)).toEqual([
      0,
      Math.round(5 + 0.2 * 4 * 0.8169511607863241),
    ]);
    expect(t.inverse(values.length ? t.forward(values, new Rng(3)).values : [], values.length)).toEqual(
      Array.from(values),
    );
  });

  it('a column of masses only has no α output', () => {
    const t = fitMixed('kids', [0, 1, 2, 1], [0, 1, 2], false, numericDomain([0, 2], true, 0), new Rng(1));
    expect(t.width).toBe(3);
    expect(t.spans).toHaveLength(1);
    expect(t.inverse(t.forward([2, 0], new Rng(1)).values, 2)).toEqual([2, 0]);
    expect(() => t.forward([1.5], new Rng(1))).toThrow(
      /1\.5 is none of the column's point masses \(0, 1, 2\)/,
    );
  });
});
