import * as tf from '@tensorflow/tfjs';
import { installGradientFixes } from '@ganforge/core';
import { checkGradient } from '@ganforge/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  relativisticAccuracy,
  relativisticAverageDiscriminatorLoss,
  relativisticAverageGeneratorLoss,
  type RelativisticVariant,
} from './relativistic-average.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

// C(x_r) = [1, 3], C(x_f) = [0, −2]: E C(x_f) = −1, E C(x_r) = 2, so D̃(x_r) = [2, 4] and
// D̃(x_f) = [−2, −4]. softplus(−2) = 0.126928, softplus(−4) = 0.018150, softplus(t) = t + softplus(−t).
const real = () => tf.tensor2d([[1], [3]]);
const fake = () => tf.tensor2d([[0], [-2]]);
const sp2 = 0.126928;
const sp4 = 0.01815;

describe('relativistic average losses: values worked out by hand', () => {
  const cases: [RelativisticVariant, number, number, number][] = [
    // variant, D real term, D fake term, G loss
    ['standard', (sp2 + sp4) / 2, (sp2 + sp4) / 2, 2 * ((2 + sp2 + 4 + sp4) / 2)],
    ['least-squares', (1 + 9) / 2, (1 + 9) / 2, (9 + 25) / 2 + (9 + 25) / 2],
    ['hinge', 0, 0, (3 + 5) / 2 + (3 + 5) / 2],
  ];
  for (const [variant, dReal, dFake, g] of cases) {
    it(`${variant}: D = ${dReal.toFixed(5)} + ${dFake.toFixed(5)}, G = ${g.toFixed(5)}`, () => {
      const d = relativisticAverageDiscriminatorLoss(real(), fake(), variant);
      expect(d.real.dataSync()[0]).toBeCloseTo(dReal, 5);
      expect(d.fake.dataSync()[0]).toBeCloseTo(dFake, 5);
      expect(relativisticAverageGeneratorLoss(real(), fake(), variant).dataSync()[0]).toBeCloseTo(g, 5);
    });
  }

  it('accuracy counts reals above the average fake and fakes below the average real', () => {
    // C(x_r) = [0, 3], C(x_f) = [1, 0]: D̃(x_r) = [−0.5, 2.5] → ½; D̃(x_f) = [−0.5, −1.5] → 1.
    const acc = relativisticAccuracy(tf.tensor2d([[0], [3]]), tf.tensor2d([[1], [0]]));
    expect(acc.real.dataSync()[0]).toBe(0.5);
    expect(acc.fake.dataSync()[0]).toBe(1);
  });
});

describe('relativistic average losses: gradients against finite differences', () => {
  const realScores = [0.3, -0.7, 1.1, 0.2];
  const fakeScores = [-0.4, 0.9, -1.3, 0.15];
  for (const variant of ['standard', 'least-squares', 'hinge'] as const) {
    it(`${variant}: ∂L_G/∂C(x_f) and ∂L_G/∂C(x_r) (the real batch reaches G), ∂L_D`, () => {
      const r = tf.tensor2d(realScores, [4, 1]);
      const f = tf.tensor2d(fakeScores, [4, 1]);
      const gWrtFake = checkGradient((x) => relativisticAverageGeneratorLoss(r, x, variant), f);
      const gWrtReal = checkGradient((x) => relativisticAverageGeneratorLoss(x, f, variant), r);
      const dWrtReal = checkGradient((x) => {
        const d = relativisticAverageDiscriminatorLoss(x, f, variant);
        return tf.add(d.real, d.fake) as tf.Scalar;
      }, r);
      expect(gWrtFake.relativeError).toBeLessThan(1e-2);
      expect(gWrtReal.relativeError).toBeLessThan(1e-2);
      expect(dWrtReal.relativeError).toBeLessThan(1e-2);
      expect(Math.max(...Array.from(gWrtReal.analytic, Math.abs))).toBeGreaterThan(0.01);
    });
  }
});
