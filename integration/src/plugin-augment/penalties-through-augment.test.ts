// R1 (losses) and the WGAN-GP gradient penalty (plugin-wgan) through an augmentation
// (plugin-augment) in core's D∘T: the penalties are taken with respect to the un-augmented input,
// through T (as DiffAugment's and ADA's reference R1), the gradient penalty scores D at the
// interpolate of the augmented images, and ∂penalty/∂θ_D — second order through T — matches
// central finite differences.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { augmentedDiscriminator, installGradientFixes, Rng, type ParamTree } from '@ganforge/core';
import { checkParamGradient, tinyMlpDiscriminator } from '@ganforge/core/testing';
import { r1Penalty } from '@ganforge/losses';
import { DIFF_AUGMENT_DEFAULTS, DiffAugment } from '@ganforge/plugin-augment';
import { gradientPenalty, interpolates } from '@ganforge/plugin-wgan';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

const shape: [number, number, number] = [4, 4, 2];
const images = (seed: number) =>
  tf.tensor(
    Array.from({ length: 3 * 32 }, (_, i) => Math.sin(i * 0.61 + seed)),
    [3, ...shape],
  );
// tanh: smooth, so a finite-difference step never crosses a kink (TRAPS.md).
const critic = () => tinyMlpDiscriminator(shape, new Rng(2, 'init'), { hidden: [5], activation: 'tanh' });
const everyOp = { ...DIFF_AUGMENT_DEFAULTS, policy: ['color', 'translation', 'cutout', 'flip'] as const };
const read = (t: tf.Tensor) => Array.from(t.dataSync());

describe('penalties through the augmentation (D∘T)', () => {
  it('R1 is E‖∇ₓD(T(x))‖²: for cutout, the mask times ∇D at T(x) — not ‖∇D‖² at T(x)', () => {
    const d = critic();
    const t = new DiffAugment({ ...DIFF_AUGMENT_DEFAULTS, policy: ['cutout'] }, shape).draw(3, new Rng(1));
    const x = images(0);
    const through = r1Penalty(augmentedDiscriminator(d, t), x).dataSync()[0];
    const byHand = tf.tidy(() => {
      const tx = t.apply(x);
      const mask = t.apply(tf.onesLike(x));
      const g = tf.grad((y: tf.Tensor) => tf.sum(d.forward(y, { training: true }).score))(tx);
      const atAugmented = tf.mean(tf.sum(tf.square(tf.reshape(g, [3, -1])), 1)).dataSync()[0];
      const masked = tf.mean(tf.sum(tf.square(tf.reshape(tf.mul(mask, g), [3, -1])), 1)).dataSync()[0];
      return { atAugmented, masked };
    });
    expect(through).toBeCloseTo(byHand.masked, 5);
    expect(Math.abs(through - byHand.atAugmented)).toBeGreaterThan(1e-3);
  });

  it('the gradient penalty scores D(ε·T(x) + (1 − ε)·T(G(z))): one shared draw makes T(x̂) the augmented interpolate', () => {
    const d = critic();
    const t = new DiffAugment(everyOp, shape).draw(3, new Rng(2));
    const [real, fake] = [images(0), images(1)];
    const eps = tf.tensor1d([0.2, 0.5, 0.9]);
    const viaComposite = augmentedDiscriminator(d, t).forward(interpolates(real, fake, eps), {
      training: true,
    });
    const ofAugmented = d.forward(interpolates(t.apply(real), t.apply(fake), eps), { training: true });
    read(viaComposite.score).forEach((v, i) => expect(v).toBeCloseTo(read(ofAugmented.score)[i], 5));
    const { penalty, norms } = gradientPenalty(augmentedDiscriminator(d, t), real, fake, eps);
    expect(norms.shape).toEqual([3]);
    expect(Number.isFinite(penalty.dataSync()[0])).toBe(true);
  });

  it.each([
    [
      'R1',
      (dt: ReturnType<typeof augmentedDiscriminator>, params: ParamTree) =>
        r1Penalty(dt, images(0), { params }),
    ],
    [
      'gradient penalty',
      (dt: ReturnType<typeof augmentedDiscriminator>, params: ParamTree) =>
        gradientPenalty(dt, images(0), images(1), tf.tensor1d([0.3, 0.6, 0.8]), { params }).penalty,
    ],
  ] as const)('∂%s(D∘T)/∂θ_D (second order through every op) against finite differences', (_, penalty) => {
    const d = critic();
    const t = new DiffAugment(everyOp, shape).draw(3, new Rng(3));
    const dt = augmentedDiscriminator(d, t);
    const check = checkParamGradient((params) => penalty(dt, params), { ...d.params });
    expect(check.relativeError).toBeLessThan(3e-3);
    expect(check.analytic.some((v) => Math.abs(v) > 1e-4)).toBe(true);
  });
});
