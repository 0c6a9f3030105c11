import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, installGradientFixes, Rng } from '@ganforge/core';
import { checkParamGradient } from '@ganforge/core/testing';
import { mlpDiscriminator } from '@ganforge/models';
import { packSamples, PackedDiscriminator } from '@ganforge/plugin-pacgan';
import { gradientPenalty, interpolationCoefficients } from '@ganforge/plugin-wgan';
import { CtganDiscriminator } from './ctgan-discriminator.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

/** CTGAN's critic at toy size: rows of 9 + 5 condition slots, packs of 2, dropout 0.5. */
function critic(seed = 1, hidden = [4, 4]): CtganDiscriminator {
  const body = mlpDiscriminator(
    { hidden, activation: 'leaky-relu', leakyReluAlpha: 0.2, dropout: 0.5, init: 'fan-in-uniform' },
    { rng: new Rng(seed, 'init'), sampleShape: [2 * 14] },
  );
  return new CtganDiscriminator(new PackedDiscriminator(body, [14], 2), [9], 5, 2);
}

const rows = (n: number, seed: number) => new Rng(seed, 'rows').normalTensor([n, 9]);
const conditions = (slots: number[]) => tf.oneHot(tf.tensor1d(slots, 'int32'), 5).toFloat();

describe('CtganDiscriminator', () => {
  it('scores packs of rows joined to their conditions: exactly the body on the packed [x ⊕ c]', () => {
    const d = critic();
    const x = rows(6, 1);
    const c = conditions([0, 1, 2, 3, 4, 0]);
    const out = d.forward(x, { training: false, cond: c });
    expect(out.score.shape).toEqual([3, 1]);
    const packed = packSamples(tf.concat([x, c], 1), 2);
    expect(packed.shape).toEqual([3, 28]);
    const direct = (d.inner as PackedDiscriminator).body.forward(packed, { training: false });
    expect(out.score.arraySync()).toEqual(direct.score.arraySync());
    expect(Object.keys(d.params)).toEqual([
      'body/layers/0/kernel',
      'body/layers/0/bias',
      'body/layers/3/kernel',
      'body/layers/3/bias',
      'body/layers/6/kernel',
      'body/layers/6/bias',
    ]);
    expect(d.packing).toBe(2);
    tf.dispose([x, c, out.score, out.features, packed, direct.score, direct.features]);
    d.dispose();
  });

  it('needs the condition: none, or one of another width, is a ConfigError', () => {
    const d = critic();
    const x = rows(4, 2);
    expect(() => d.forward(x, { training: false })).toThrow(ConfigError);
    expect(() => d.forward(x, { training: false })).toThrow(
      'ctgan discriminator: scores rows with their conditional vectors; expected cond [4, 5], got none',
    );
    x.dispose();
    d.dispose();
  });

  it('∂GP/∂θ through packing, the condition and dropout matches finite differences (second order)', () => {
    // GP = E[(‖∇_P̂ D(P̂ ⊕ c)‖ − 1)²] on packed interpolates, λ-free; the dropout masks come from a
    // stream re-seeded for each evaluation, so the function differentiated is fixed.
    const d = critic(3, [5, 4]);
    const real = rows(8, 3);
    const fake = rows(8, 4);
    const c = conditions([0, 1, 2, 3, 4, 0, 1, 2]);
    const epsilon = interpolationCoefficients(new Rng(2, 'eps'), 8, 2);
    const penalty = (params: Record<string, tf.Tensor>) =>
      gradientPenalty(d, real, fake, epsilon, { params, cond: c, rng: new Rng(6, 'dropout') }).penalty;
    const check = checkParamGradient(penalty, { ...d.params });
    expect(check.analytic.length).toBe(28 * 5 + 5 + 5 * 4 + 4 + 4 + 1);
    expect(check.analytic.some((v) => v !== 0)).toBe(true);
    expect(check.relativeError).toBeLessThan(5e-3);
    tf.dispose([real, fake, c, epsilon]);
    d.dispose();
  });
});
