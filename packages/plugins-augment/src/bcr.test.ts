import * as tf from '@tensorflow/tfjs';
import { Rng, type Discriminator, type LossContext } from '@ganforge/core';
import { checkParamGradient, tinyMlpDiscriminator } from '@ganforge/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { bcrRegularizer, consistencyTerm } from './bcr.js';
import { DIFF_AUGMENT_DEFAULTS } from './policy.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** D(x) = Σ w ⊙ x per sample, with w = 1, 2, 3, … over the image. */
function linearD(size: number): Discriminator {
  const w = tf.range(1, size + 1);
  return {
    params: {},
    state: {},
    supportsSubstituteParams: true,
    inputShape: [],
    forward: (x) => {
      const score = tf.reshape(tf.sum(tf.mul(tf.reshape(x, [x.shape[0], -1]), w), 1), [-1, 1]);
      return { score, features: score, state: {} };
    },
    dispose: () => w.dispose(),
  };
}

function context(d: Discriminator, real: tf.Tensor, fake: tf.Tensor, rng: Rng): LossContext {
  const out = (x: tf.Tensor) => {
    const { score, features } = d.forward(x, { training: true });
    return { score, features };
  };
  return {
    real: { x: real },
    fake,
    z: tf.zeros([real.shape[0], 1]),
    realOut: out(real),
    fakeOut: out(fake),
    d,
    dParams: { ...d.params },
    dState: {},
    g: undefined as never,
    gParams: {},
    rng,
    step: 1,
  };
}

describe('bcr: balanced consistency regularization', () => {
  it('consistencyTerm is the mean squared difference of the scores', () => {
    const d = linearD(2);
    // Images [1, 2] → [1·1 + 2·2] = 5 and [3, 4] → 11; augmented [2, 1] → 4 and [0, 4] → 8.
    const scores = tf.tensor2d([5, 11], [2, 1]);
    const augmented = tf.tensor4d([2, 1, 0, 4], [2, 1, 2, 1]);
    expect(consistencyTerm(d, scores, augmented).dataSync()[0]).toBeCloseTo(
      ((5 - 4) ** 2 + (11 - 8) ** 2) / 2,
      5,
    );
  });

  it('penalty = λ_real·E(D(x) − D(T(x)))² + λ_fake·E(D(G(z)) − D(T(G(z))))², T drawn from ctx.rng', () => {
    const d = linearD(3);
    // Rows [1, 2, 3] flipped → [3, 2, 1]: D 14 → 10; [0, 0, 1] → [1, 0, 0]: D 3 → 1.
    const real = tf.tensor4d([1, 2, 3, 0, 0, 1], [2, 1, 3, 1]);
    const fake = tf.tensor4d([0, 0, 1, 1, 2, 3], [2, 1, 3, 1]);
    const settings = { ...DIFF_AUGMENT_DEFAULTS, policy: ['flip'] as const };
    const reg = bcrRegularizer({ real: 2, fake: 0.5 }, settings, [1, 3, 1]);
    // Find the flips this seed draws: first the real batch's two, then the fake batch's two.
    const flips = new Rng(11).uniformArray(4).map((u) => Math.floor(u * 2));
    const diff = [16, 4, 4, 16]; // squared score changes when flipped: real (14−10)², (3−1)²; fake (3−1)², (14−10)²
    const term = (i: number) => flips[i] * diff[i];
    const expected = 2 * ((term(0) + term(1)) / 2) + 0.5 * ((term(2) + term(3)) / 2);
    expect(reg.weight).toBe(1);
    expect(reg.target).toBe('discriminator');
    expect(reg.penalty(context(d, real, fake, new Rng(11))).dataSync()[0]).toBeCloseTo(expected, 4);
    expect(flips.some((f) => f === 1)).toBe(true);
  });

  it('∂penalty/∂θ_D against central finite differences (tanh MLP, every op of the policy)', () => {
    const rng = new Rng(3, 'init');
    const d = tinyMlpDiscriminator([4, 4, 1], rng, { hidden: [5], activation: 'tanh' });
    const real = tf.tensor(
      Array.from({ length: 32 }, (_, i) => Math.sin(i)),
      [2, 4, 4, 1],
    );
    const fake = tf.tensor(
      Array.from({ length: 32 }, (_, i) => Math.cos(i * 1.3)),
      [2, 4, 4, 1],
    );
    const reg = bcrRegularizer(
      { real: 10, fake: 10 },
      { ...DIFF_AUGMENT_DEFAULTS, policy: ['color', 'translation', 'cutout', 'flip'] },
      [4, 4, 1],
    );
    const check = checkParamGradient(
      (params) => {
        const scoreOf = (x: tf.Tensor) => d.forward(x, { training: true, params });
        const ctx: LossContext = {
          ...context(d, real, fake, new Rng(8)),
          realOut: scoreOf(real),
          fakeOut: scoreOf(fake),
          dParams: params,
        };
        return reg.penalty(ctx);
      },
      { ...d.params },
    );
    expect(check.relativeError).toBeLessThan(2e-3);
  });
});
