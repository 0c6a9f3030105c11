import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { installGradientFixes, type LossContext } from '@ganforge/core';
import {
  EBGAN_DEFAULT_MARGIN,
  ebganDiscriminatorLoss,
  ebganGeneratorLoss,
  ebganLoss,
  ebganLossOptionsSchema,
  ebganMarginTerm,
} from './ebgan-loss.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

function read(t: tf.Tensor): number {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
}

// + 0 maps −0 (relu's gradient times −1) to 0 for toEqual.
function values(t: tf.Tensor): number[] {
  return Array.from(t.dataSync(), (v) => v + 0);
}

function ctx(real: number[], fake: number[]): LossContext {
  return {
    realOut: { score: tf.tensor2d(real, [real.length, 1]), features: tf.zeros([real.length, 2]) },
    fakeOut: { score: tf.tensor2d(fake, [fake.length, 1]), features: tf.zeros([fake.length, 2]) },
  } as unknown as LossContext;
}

describe('ebgan loss', () => {
  it('matches the hand computation L_D = D(x) + [m − D(G(z))]⁺, L_G = D(G(z))', () => {
    // real energies 0.2, 0.5, 0.8 → E = 0.5; fake energies 0.3, 1.5, 0.9 with m = 1:
    // [1 − 0.3]⁺ = 0.7, [1 − 1.5]⁺ = 0, [1 − 0.9]⁺ = 0.1 → E = 0.8/3; L_G = 2.7/3 = 0.9.
    const real = tf.tensor2d([0.2, 0.5, 0.8], [3, 1]);
    const fake = tf.tensor2d([0.3, 1.5, 0.9], [3, 1]);
    const d = ebganDiscriminatorLoss(real, fake, 1);
    expect(read(d.real)).toBeCloseTo(0.5, 6);
    expect(read(d.fake)).toBeCloseTo(0.8 / 3, 6);
    expect(read(ebganGeneratorLoss(fake))).toBeCloseTo(0.9, 6);
    // m = 2: [1.7, 0.5, 1.1] → 3.3/3 = 1.1
    expect(read(ebganMarginTerm(fake, 2))).toBeCloseTo(1.1, 6);
    tf.dispose([real, fake]);
  });

  it('the hinge is inactive when D(G(z)) ≥ m: fake term 0 and zero gradient (also at D(G(z)) = m)', () => {
    const m = 1;
    const fake = tf.tensor2d([1, 1.2, 3.5, 10], [4, 1]);
    const real = tf.tensor2d([0.1, 0.2, 0.3, 0.4], [4, 1]);
    expect(read(ebganDiscriminatorLoss(real, fake, m).fake)).toBe(0);
    const grad = tf.grad((f: tf.Tensor) => ebganDiscriminatorLoss(real, f, m).fake)(fake);
    expect(values(grad)).toEqual([0, 0, 0, 0]);
    // Active below the margin: d/dD(G(z)ᵢ) of mean [m − Dᵢ]⁺ is −1/N.
    const below = tf.tensor2d([0.5, 1.2, 0.9, 3], [4, 1]);
    const g2 = tf.grad((f: tf.Tensor) => ebganDiscriminatorLoss(real, f, m).fake)(below);
    expect(values(g2)).toEqual([-0.25, 0, -0.25, 0]);
    // The real term's gradient is +1/N everywhere (D is always pulled down on data).
    const g3 = tf.grad((r: tf.Tensor) => ebganDiscriminatorLoss(r, below, m).real)(real);
    expect(values(g3)).toEqual([0.25, 0.25, 0.25, 0.25]);
    tf.dispose([fake, real, grad, below, g2, g3]);
  });

  it('logs real energy, fake energy, margin term and the share of fakes at or above the margin; no accuracy', () => {
    const loss = ebganLoss({ margin: 1 });
    expect(loss.name).toBe('ebgan');
    expect(loss.accuracy).toBeUndefined();
    const c = ctx([0.2, 0.4], [0.5, 1, 2, 0.1]);
    const logs = loss.logs!(c);
    expect(Object.keys(logs).sort()).toEqual([
      'fake_above_margin',
      'fake_energy',
      'margin_term',
      'real_energy',
    ]);
    expect(read(logs.real_energy)).toBeCloseTo(0.3, 6);
    expect(read(logs.fake_energy)).toBeCloseTo(0.9, 6);
    expect(read(logs.margin_term)).toBeCloseTo((0.5 + 0 + 0 + 0.9) / 4, 6);
    expect(read(logs.fake_above_margin)).toBeCloseTo(0.5, 6);
    const parts = loss.discriminatorLoss(c);
    expect(read(parts.real)).toBeCloseTo(0.3, 6);
    expect(read(parts.fake)).toBeCloseTo(0.35, 6);
    expect(read(loss.generatorLoss(c))).toBeCloseTo(0.9, 6);
    tf.dispose([c.realOut.score, c.realOut.features, c.fakeOut.score, c.fakeOut.features]);
  });

  it('defaults the margin to 1 and validates it', () => {
    expect(EBGAN_DEFAULT_MARGIN).toBe(1);
    expect(ebganLossOptionsSchema.parse({})).toEqual({ margin: 1 });
    expect(ebganLossOptionsSchema.safeParse({ margin: 0 }).success).toBe(false);
    expect(ebganLossOptionsSchema.safeParse({ m: 10 }).success).toBe(false);
    const fake = tf.tensor2d([0.5], [1, 1]);
    expect(read(ebganMarginTerm(fake))).toBeCloseTo(0.5, 6);
    fake.dispose();
  });
});
