import * as tf from '@tensorflow/tfjs';
import { Rng } from '@ganforge/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { binomialUpperTail } from './binomial-tail.js';
import { classifierTwoSampleTest } from './classifier-two-sample-test.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('binomialUpperTail', () => {
  it('matches the tails worked out by hand', () => {
    expect(binomialUpperTail(3, 3)).toBeCloseTo(1 / 8, 14);
    expect(binomialUpperTail(2, 3)).toBeCloseTo(4 / 8, 14);
    expect(binomialUpperTail(8, 10)).toBeCloseTo((45 + 10 + 1) / 1024, 14);
    expect(binomialUpperTail(0, 10)).toBe(1);
    expect(binomialUpperTail(11, 10)).toBe(0);
    expect(binomialUpperTail(2, 2, 0.3)).toBeCloseTo(0.09, 14);
    expect(binomialUpperTail(300, 300) / Math.pow(0.5, 300)).toBeCloseTo(1, 10);
  });
});

describe('classifier two-sample test (Lopez-Paz & Oquab 2017)', () => {
  const gauss = (rng: Rng, n: number, shift = 0) => {
    const v = rng.normalArray(2 * n);
    for (let i = 0; i < 2 * n; i += 2) v[i] += shift;
    return { values: v, dim: 2 };
  };

  it('same distribution: accuracy ≈ 0.5 with a large p-value', () => {
    const rng = new Rng(1, 'c2st-null');
    const r = classifierTwoSampleTest(gauss(rng, 300), gauss(rng, 300), { rng });
    console.log(`null: ${JSON.stringify(r)}`);
    // 300 held-out points: the null sd of the accuracy is 0.5/√300 ≈ 0.029; 0.08 is > 2.5 sd.
    expect(Math.abs(r.accuracy - 0.5)).toBeLessThan(0.08);
    expect(r.pValue).toBeGreaterThan(0.05);
    expect(r.testSize).toBe(300);
  });

  it('disjoint distributions: accuracy 1 and p = 2⁻³⁰⁰; logistic regression too', () => {
    const rng = new Rng(2, 'c2st-far');
    const real = gauss(rng, 300);
    const far = gauss(rng, 300, 20);
    const mlp = classifierTwoSampleTest(real, far, { rng });
    const logistic = classifierTwoSampleTest(real, far, { rng, hidden: 0 });
    expect(mlp.accuracy).toBe(1);
    expect(mlp.pValue / Math.pow(0.5, 300)).toBeCloseTo(1, 10);
    expect(mlp.pValue).toBeLessThan(1e-80);
    expect(logistic.accuracy).toBe(1);
  });

  it('is deterministic for a seed and leaks no tensor', () => {
    const data = new Rng(3, 'c2st-data');
    const real = gauss(data, 200);
    const fake = gauss(data, 200, 0.5);
    const before = tf.memory().numTensors;
    const a = classifierTwoSampleTest(real, fake, { rng: new Rng(9, 'c2st'), steps: 50 });
    const b = classifierTwoSampleTest(real, fake, { rng: new Rng(9, 'c2st'), steps: 50 });
    expect(tf.memory().numTensors).toBe(before);
    expect(b).toEqual(a);
    // a 0.5σ shift is visible: Φ(0.25) ≈ 0.60 is the Bayes accuracy
    expect(a.accuracy).toBeGreaterThan(0.55);
  });

  it('rejects options it cannot use', () => {
    const rng = new Rng(4);
    const one = { values: new Float32Array(2), dim: 2 };
    expect(() => classifierTwoSampleTest(one, one, { rng })).toThrow(/leave 1 held out and 1 for training/);
    expect(() => classifierTwoSampleTest(gauss(rng, 10), gauss(rng, 10), { rng, testFraction: 1 })).toThrow(
      /testFraction must lie strictly between 0 and 1/,
    );
    expect(() => classifierTwoSampleTest(gauss(rng, 10), gauss(rng, 10), { rng, hidden: 1.5 })).toThrow(
      /hidden/,
    );
  });
});
