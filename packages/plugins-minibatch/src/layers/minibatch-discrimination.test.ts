import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, installGradientFixes, Rng } from '@ganforge/core';
import { checkGradient } from '@ganforge/core/testing';
import { minibatchDiscrimination } from './minibatch-discrimination.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

const e = Math.exp;

/**
 * Features and T drawn from seeded streams, redrawn (TRAPS.md) until every pairwise difference of M
 * is at least 1e-2 away from the L1 kink at 0, far beyond the h = 1e-3 perturbations.
 */
function awayFromKinks(
  seed: number,
  n: number,
  a: number,
  b: number,
  c: number,
): { f: tf.Tensor; T: tf.Tensor } {
  for (let s = seed; ; s++) {
    const rng = new Rng(s, 'test');
    const f = rng.normalTensor([n, a]);
    const T = rng.normalTensor([a, b, c], 0, 0.5);
    if (smallestGap(f, T) > 1e-2) return { f, T };
    tf.dispose([f, T]);
  }
}

/** Smallest |M_{i,b,c} − M_{j,b,c}| over pairs i ≠ j: the L1 kinks finite differences must avoid. */
function smallestGap(f: tf.Tensor, T: tf.Tensor): number {
  const [a, b, c] = T.shape;
  const m = tf.tidy(() => tf.matMul(f, tf.reshape(T, [a, b * c])).arraySync() as number[][]);
  let gap = Infinity;
  for (let i = 0; i < m.length; i++)
    for (let j = i + 1; j < m.length; j++)
      for (let k = 0; k < b * c; k++) gap = Math.min(gap, Math.abs(m[i][k] - m[j][k]));
  return gap;
}

describe('minibatchDiscrimination', () => {
  it('gives the values worked out by hand on a 3-sample batch (A = 2, B = 2, C = 2)', () => {
    const f = tf.tensor2d([
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    // T[a][b] (a row of C entries): kernel 0 maps f to [f0, 2·f1], kernel 1 to [(f0 + f1)/2, 0].
    const T = tf.tensor3d([
      [
        [1, 0],
        [0.5, 0],
      ],
      [
        [0, 2],
        [0.5, 0],
      ],
    ]);
    // Kernel 0: M_0 = [1, 0], M_1 = [0, 2], M_2 = [1, 2] → L1: d01 = 1 + 2 = 3, d02 = 0 + 2 = 2, d12 = 1 + 0 = 1.
    // Kernel 1: M_0 = [0.5, 0], M_1 = [0.5, 0], M_2 = [1, 0] → d01 = 0, d02 = 0.5, d12 = 0.5.
    // The paper's sum over every j (self term included).
    const sums = [
      [1 + e(-3) + e(-2), 1 + e(-0) + e(-0.5)],
      [e(-3) + 1 + e(-1), e(-0) + 1 + e(-0.5)],
      [e(-2) + e(-1) + 1, e(-0.5) + e(-0.5) + 1],
    ];
    const o = minibatchDiscrimination(f, T);
    expect(o.shape).toEqual([3, 2]);
    const variants = {
      // Defaults: the mean over the n − 1 = 2 other samples.
      defaults: { got: o.arraySync(), expected: (v: number) => (v - 1) / 2 },
      paper: {
        got: minibatchDiscrimination(f, T, { excludeSelf: false, average: false }).arraySync(),
        expected: (v: number) => v,
      },
      sumWithoutSelf: {
        got: minibatchDiscrimination(f, T, { average: false }).arraySync(),
        expected: (v: number) => v - 1,
      },
      meanWithSelf: {
        got: minibatchDiscrimination(f, T, { excludeSelf: false }).arraySync(),
        expected: (v: number) => v / 3,
      },
    };
    for (const [name, { got, expected }] of Object.entries(variants))
      for (let i = 0; i < 3; i++)
        for (let b = 0; b < 2; b++)
          expect(got[i][b], `${name} [${i}, ${b}]`).toBeCloseTo(expected(sums[i][b]), 6);
    // Spelled out once: sample 0, kernel 1 sees sample 1 at L1 distance 0 and sample 2 at 0.5.
    expect(variants.defaults.got[0][1]).toBeCloseTo((1 + e(-0.5)) / 2, 6);
    tf.dispose([f, T, o]);
  });

  it('a batch of identical samples gives the maximal feature: 1 (n, or n − 1 without the self term, unaveraged)', () => {
    const rng = new Rng(3, 'test');
    const row = rng.normalArray(6);
    const same = tf.tensor2d(Array.from({ length: 5 }, () => Array.from(row)));
    const T = rng.normalTensor([6, 7, 5]);
    const all = (t: tf.Tensor, v: number) => t.dataSync().every((x) => x === v);
    expect(all(minibatchDiscrimination(same, T), 1)).toBe(true);
    expect(all(minibatchDiscrimination(same, T, { excludeSelf: false }), 1)).toBe(true);
    expect(all(minibatchDiscrimination(same, T, { excludeSelf: false, average: false }), 5)).toBe(true);
    expect(all(minibatchDiscrimination(same, T, { average: false }), 4)).toBe(true);
    // Far-apart samples are near the other end: nothing left but the self term (o ≈ 0, or 1 with it
    // unaveraged).
    const apart = tf.mul(rng.normalTensor([5, 6]), 100);
    const o = minibatchDiscrimination(apart, T).dataSync();
    expect(Math.max(...o)).toBeLessThan(1e-6);
    expect(Math.min(...o)).toBeGreaterThanOrEqual(0);
    const raw = minibatchDiscrimination(apart, T, { excludeSelf: false, average: false }).dataSync();
    expect(Math.max(...raw)).toBeLessThan(1 + 1e-6);
    expect(Math.min(...raw)).toBeGreaterThanOrEqual(1);
  });

  it('a batch of one sample has no other sample to compare with: o = 0 by default, not NaN', () => {
    const f = tf.tensor2d([[1, 2]]);
    const T = tf.ones([2, 3, 2]);
    expect(Array.from(minibatchDiscrimination(f, T).dataSync())).toEqual([0, 0, 0]);
    expect(Array.from(minibatchDiscrimination(f, T, { excludeSelf: false }).dataSync())).toEqual([1, 1, 1]);
  });

  it('its gradient with respect to the features and to T matches finite differences, averaged and raw', () => {
    const { f, T } = awayFromKinks(11, 4, 3, 4, 2);
    const w = new Rng(1, 'weights').normalTensor([4, 4]);
    for (const options of [{}, { excludeSelf: false, average: false }]) {
      const loss = (x: tf.Tensor, t: tf.Tensor) =>
        tf.sum(tf.mul(minibatchDiscrimination(x, t, options), w)) as tf.Scalar;
      const dF = checkGradient((x) => loss(x, T), f);
      const dT = checkGradient((t) => loss(f, t), T);
      expect(dF.relativeError, JSON.stringify(options)).toBeLessThan(5e-3);
      expect(dT.relativeError, JSON.stringify(options)).toBeLessThan(5e-3);
      // The gradients are not trivially zero.
      expect(Math.max(...dF.numeric.map(Math.abs))).toBeGreaterThan(1e-3);
      expect(Math.max(...dT.numeric.map(Math.abs))).toBeGreaterThan(1e-3);
    }
  });

  it('its second derivative (an R1-style penalty ‖∇_f Σ w·o‖² differentiated with respect to T) matches finite differences', () => {
    const { f, T } = awayFromKinks(12, 4, 3, 3, 2);
    const w = new Rng(2, 'weights').normalTensor([4, 3]);
    const penalty = (t: tf.Tensor) =>
      tf.tidy(() => {
        const g = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(minibatchDiscrimination(x, t), w)))(f);
        return tf.sum(tf.square(g)) as tf.Scalar;
      });
    const check = checkGradient(penalty, T);
    expect(check.relativeError).toBeLessThan(1e-2);
    expect(Math.max(...check.numeric.map(Math.abs))).toBeGreaterThan(1e-2);
  });

  it('groupSize compares each sample with its own group only: the same as running each group alone, remainder included', () => {
    const { f, T } = awayFromKinks(13, 7, 3, 4, 2);
    for (const options of [{}, { excludeSelf: false, average: false }, { average: false }]) {
      // 7 rows in groups of 3: rows 0–2, 3–5 and the remainder, row 6 alone.
      const grouped = minibatchDiscrimination(f, T, { ...options, groupSize: 3 });
      expect(grouped.shape).toEqual([7, 4]);
      const alone = tf.concat(
        [
          [0, 3],
          [3, 3],
          [6, 1],
        ].map(([start, rows]) => minibatchDiscrimination(tf.slice(f, [start!, 0], [rows!, -1]), T, options)),
        0,
      );
      const got = Array.from(grouped.dataSync());
      const want = Array.from(alone.dataSync());
      for (let k = 0; k < got.length; k++)
        expect(got[k], `${JSON.stringify(options)} [${k}]`).toBeCloseTo(want[k]!, 6);
      // A group differs from the whole batch (the defaults compare with 6 others, not 2).
      const whole = minibatchDiscrimination(f, T, options).dataSync();
      expect(Math.abs(whole[0]! - got[0]!)).toBeGreaterThan(1e-4);
      tf.dispose([grouped, alone]);
    }
    // A lone sample has no other sample: the default mean over zero others is 0.
    const lone = minibatchDiscrimination(f, T, { groupSize: 3 }).arraySync()[6]!;
    expect(lone).toEqual([0, 0, 0, 0]);
    // groupSize ≥ n is the whole batch.
    expect(Array.from(minibatchDiscrimination(f, T, { groupSize: 50 }).dataSync())).toEqual(
      Array.from(minibatchDiscrimination(f, T).dataSync()),
    );
    tf.dispose([f, T]);
  });

  it('its gradient within groups matches finite differences', () => {
    const { f, T } = awayFromKinks(14, 6, 3, 3, 2);
    const w = new Rng(3, 'weights').normalTensor([6, 3]);
    const loss = (x: tf.Tensor, t: tf.Tensor) =>
      tf.sum(tf.mul(minibatchDiscrimination(x, t, { groupSize: 4 }), w)) as tf.Scalar;
    const dF = checkGradient((x) => loss(x, T), f);
    const dT = checkGradient((t) => loss(f, t), T);
    expect(dF.relativeError).toBeLessThan(5e-3);
    expect(dT.relativeError).toBeLessThan(5e-3);
    expect(Math.max(...dF.numeric.map(Math.abs))).toBeGreaterThan(1e-3);
  });

  it('refuses a groupSize that is not a positive integer', () => {
    const f = tf.ones([4, 2]);
    const T = tf.ones([2, 2, 2]);
    expect(() => minibatchDiscrimination(f, T, { groupSize: 0 })).toThrow(
      'groupSize must be a positive integer; got 0',
    );
    expect(() => minibatchDiscrimination(f, T, { groupSize: 2.5 })).toThrow(ConfigError);
    tf.dispose([f, T]);
  });

  it('refuses mismatched shapes with a message naming them', () => {
    const f = tf.zeros([3, 4]);
    const T = tf.zeros([5, 2, 2]);
    expect(() => minibatchDiscrimination(f, T)).toThrow(ConfigError);
    expect(() => minibatchDiscrimination(f, T)).toThrow('features [3, 4] and T [5, 2, 2]');
  });

  it('leaves no tensor behind', () => {
    const f = tf.ones([3, 2]);
    const T = tf.ones([2, 2, 2]);
    const before = tf.memory().numTensors;
    minibatchDiscrimination(f, T).dispose();
    tf.grad((t: tf.Tensor) => tf.sum(minibatchDiscrimination(f, t)))(T).dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
