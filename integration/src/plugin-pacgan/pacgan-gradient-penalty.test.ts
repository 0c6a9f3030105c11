// plugin-pacgan with plugin-wgan and the real losses and models: the WGAN-GP gradient penalty
// through packing is the penalty on the gradient with respect to the packed input (interpolates
// drawn per sample pair, one ε per pack, packed inside the critic), its derivative with respect to
// the critic's params (second order) matches finite differences, and R1 is taken per pack too.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createGan,
  installGradientFixes,
  Rng,
  type Gan,
  type GanConfig,
  type LossContext,
} from '@ganforge/core';
import { checkGradient } from '@ganforge/core/testing';
import { dataPlugin } from '@ganforge/data';
import { lossesPlugin, r1Penalty } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { packSamples, type PackedDiscriminator, pacganPlugin } from '@ganforge/plugin-pacgan';
import {
  gradientPenalty,
  gradientPenaltyRegularizer,
  interpolates,
  interpolationCoefficients,
  wganPlugin,
} from '@ganforge/plugin-wgan';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

const plugins = [lossesPlugin(), modelsPlugin(), dataPlugin(), wganPlugin(), pacganPlugin()];

function config(extra: Partial<GanConfig> = {}): GanConfig {
  return {
    seed: 4,
    backend: 'cpu',
    data: { kind: 'ring' },
    loss: { kind: 'wasserstein' },
    regularizers: [{ kind: 'gradient-penalty', lambda: 10 }],
    generator: { kind: 'mlp', hidden: [8], activation: 'relu', outputActivation: 'linear' },
    // tanh: smooth, so a finite-difference step never crosses a kink (TRAPS.md).
    discriminator: { kind: 'pacgan', packing: 4, body: { kind: 'mlp', hidden: [6], activation: 'tanh' } },
    latentDim: 2,
    batchSize: 8,
    ...extra,
  };
}

/** Real ring samples and another ring batch standing in for fakes, 8 of each. */
function batches(gan: Gan): { real: tf.Tensor; fake: tf.Tensor } {
  const sampler = gan.data.sampler(new Rng(11, 'data'));
  const real = sampler.next(8).x;
  const fake = tf.tidy(() => tf.mul(sampler.next(8).x, 0.5));
  return { real, fake };
}

/** The packed penalty by hand: P̂ = pack(x̂), g = ∇_P̂ Σ D_body(P̂), E[(‖g‖ − 1)²] over the packs. */
function packedPenaltyByHand(d: PackedDiscriminator, real: tf.Tensor, fake: tf.Tensor, eps: tf.Tensor) {
  return tf.tidy(() => {
    const packed = packSamples(interpolates(real, fake, eps), d.packing);
    const g = tf.grad((p: tf.Tensor) => tf.sum(d.body.forward(p, { training: true }).score))(packed);
    const norms = tf.sqrt(tf.sum(tf.square(g), 1));
    return {
      penalty: tf.mean(tf.square(tf.sub(norms, 1))).dataSync()[0],
      norms: Array.from(norms.dataSync()),
    };
  });
}

describe('plugin-pacgan + plugin-wgan: the gradient penalty through packing', () => {
  it('is E[(‖∇_P̂ D(P̂)‖ − 1)²] over the packs, with one ε per pack', async () => {
    const gan = await createGan(config(), { plugins });
    const d = gan.discriminator as PackedDiscriminator;
    const { real, fake } = batches(gan);
    const eps = interpolationCoefficients(new Rng(5, 'noise'), 8, 4);
    const e = Array.from(eps.dataSync());
    expect(e.slice(0, 4).every((v) => v === e[0]) && e.slice(4).every((v) => v === e[4])).toBe(true);
    expect(e[0]).not.toBe(e[4]);
    const result = gradientPenalty(d, real, fake, eps);
    const byHand = packedPenaltyByHand(d, real, fake, eps);
    expect(result.norms.shape).toEqual([2]);
    expect(Array.from(result.norms.dataSync())).toEqual(byHand.norms.map((v) => expect.closeTo(v, 5)));
    expect(result.penalty.dataSync()[0]).toBeCloseTo(byHand.penalty, 5);
    tf.dispose([real, fake, eps, result.penalty, result.norms]);
    gan.dispose();
  });

  it("the regularizer draws one ε per pack (the packing read from the update's fake scores)", async () => {
    const gan = await createGan(config(), { plugins });
    const d = gan.discriminator as PackedDiscriminator;
    const { real, fake } = batches(gan);
    const reg = gradientPenaltyRegularizer({ lambda: 10 }, { log: () => {} });
    const fakeOut = d.forward(fake, { training: true });
    const ctx = {
      real: { x: real },
      fake,
      fakeOut,
      d,
      dParams: { ...d.params },
      dState: { ...d.state },
      rng: new Rng(8, 'noise'),
      step: 1,
    } as unknown as LossContext;
    const [penalty, norm] = tf.tidy(() => {
      const p = reg.penalty(ctx);
      return [p, reg.logs!(ctx).grad_norm];
    });
    const eps = interpolationCoefficients(new Rng(8, 'noise'), 8, 4);
    const byHand = packedPenaltyByHand(d, real, fake, eps);
    expect(penalty.dataSync()[0]).toBeCloseTo(byHand.penalty, 5);
    expect(norm.dataSync()[0]).toBeCloseTo((byHand.norms[0] + byHand.norms[1]) / 2, 5);
    tf.dispose([real, fake, eps, penalty, norm, fakeOut.score, fakeOut.features]);
    gan.dispose();
  });

  it('∂GP/∂θ (second order through the packing) matches central finite differences over all critic params', async () => {
    const gan = await createGan(config(), { plugins });
    const d = gan.discriminator as PackedDiscriminator;
    const { real, fake } = batches(gan);
    const eps = interpolationCoefficients(new Rng(6, 'noise'), 8, 4);
    // Every param in one vector (the score head's bias gets a zero gradient: ∇ₓD does not depend
    // on it), so the relative error is over the whole gradient.
    const keys = Object.keys(d.params).sort();
    const shapes = keys.map((k) => d.params[k].shape);
    const sizes = keys.map((k) => d.params[k].size);
    const flat = tf.tidy(() => tf.concat(keys.map((k) => tf.reshape(d.params[k], [-1]))));
    const penaltyAt = (v: tf.Tensor): tf.Scalar => {
      const parts = tf.split(v, sizes);
      const params = Object.fromEntries(keys.map((k, i) => [k, tf.reshape(parts[i], shapes[i])]));
      return gradientPenalty(d, real, fake, eps, { params }).penalty;
    };
    const check = checkGradient(penaltyAt, flat);
    console.log(
      `pacgan + WGAN-GP ∂GP/∂θ vs FD (h 1e-3, ${check.analytic.length} params): relative error ${check.relativeError.toExponential(2)}`,
    );
    expect(check.relativeError).toBeLessThan(1e-2);
    expect(check.analytic.some((v) => v !== 0)).toBe(true);
    tf.dispose([real, fake, eps, flat]);
    gan.dispose();
  });

  it('R1 through packing is E_P[‖∇_P D(P)‖²] over the packs', async () => {
    const gan = await createGan(config({ loss: { kind: 'non-saturating' }, regularizers: [] }), { plugins });
    const d = gan.discriminator as PackedDiscriminator;
    const { real, fake } = batches(gan);
    const r1 = r1Penalty(d, real);
    const byHand = tf.tidy(() => {
      const g = tf.grad((p: tf.Tensor) => tf.sum(d.body.forward(p, { training: true }).score))(
        packSamples(real, 4),
      );
      return tf.mean(tf.sum(tf.square(g), 1)).dataSync()[0];
    });
    expect(r1.dataSync()[0]).toBeCloseTo(byHand, 5);
    tf.dispose([real, fake, r1]);
    gan.dispose();
  });

  it('trains a WGAN-GP critic through packing: finite losses, penalty and gradient norm logged', async () => {
    const gan = await createGan(config({ trainer: { dSteps: 2 } }), { plugins });
    for (let i = 0; i < 5; i++) {
      const logs = gan.step();
      for (const key of [
        'd_loss',
        'g_loss',
        'reg_gradient_penalty',
        'gradient_penalty_grad_norm',
        'wasserstein_estimate',
      ])
        expect(Number.isFinite(logs[key]), `${key} at step ${i + 1}`).toBe(true);
    }
    gan.dispose();
  });
});
