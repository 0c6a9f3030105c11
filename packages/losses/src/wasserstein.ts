import * as tf from '@tensorflow/tfjs';
import { defineComponent, type ConfigDefaults, type GanLoss } from '@ganforge/core';
import { z } from 'zod';

/**
 * The Wasserstein critic loss (Arjovsky et al. 2017, arXiv:1701.07875), split into its parts:
 *
 *   real = −E_x[D(x)],   fake = E_z[D(G(z))]
 *
 * The Lipschitz constraint (weight clipping, gradient penalty) lives in @ganforge/plugin-wgan.
 */
export function wassersteinCriticLoss(
  realScores: tf.Tensor,
  fakeScores: tf.Tensor,
): { real: tf.Scalar; fake: tf.Scalar } {
  return tf.tidy(() => ({
    real: tf.neg(tf.mean(realScores)) as tf.Scalar,
    fake: tf.mean(fakeScores) as tf.Scalar,
  }));
}

/** The Wasserstein generator loss (Arjovsky et al. 2017, arXiv:1701.07875): L_G = −E_z[D(G(z))]. */
export function wassersteinGeneratorLoss(fakeScores: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(fakeScores)) as tf.Scalar);
}

/**
 * The critic's estimate of the Wasserstein-1 distance (up to the Lipschitz constant):
 * Ŵ = E_x[D(x)] − E_z[D(G(z))] (Arjovsky et al. 2017, arXiv:1701.07875).
 */
export function wassersteinEstimate(realScores: tf.Tensor, fakeScores: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.sub(tf.mean(realScores), tf.mean(fakeScores)) as tf.Scalar);
}

/** zod schema of the `wasserstein` loss options (none). */
export const wassersteinOptionsSchema = z.strictObject({});

/** Options of the `wasserstein` loss (none). */
// Not z.input<…>: the input type of an empty strict object is Record<string, never>, which would
// make `kind` never in a config block.
export type WassersteinOptions = Record<never, never>;

/** Defaults the Wasserstein loss brings: five critic steps per generator step (Arjovsky et al. 2017). */
export const WASSERSTEIN_DEFAULTS: ConfigDefaults = { dSteps: 5 };

/**
 * The Wasserstein GAN loss (Arjovsky et al. 2017, arXiv:1701.07875). No accuracy: a critic's
 * output has no decision threshold. Logs `estimate` = E D(x) − E D(G(z)).
 */
export function wassersteinLoss(): GanLoss {
  return {
    name: 'wasserstein',
    discriminatorLoss: (ctx) => wassersteinCriticLoss(ctx.realOut.score, ctx.fakeOut.score),
    generatorLoss: (ctx) => wassersteinGeneratorLoss(ctx.fakeOut.score),
    logs: (ctx) => ({ estimate: wassersteinEstimate(ctx.realOut.score, ctx.fakeOut.score) }),
    defaults: WASSERSTEIN_DEFAULTS,
  };
}

/** The registered `wasserstein` loss component. */
export const wassersteinComponent = defineComponent({
  kind: 'loss',
  name: 'wasserstein',
  description:
    'Wasserstein critic loss (Arjovsky et al. 2017); pair it with a Lipschitz constraint (plugin-wgan).',
  options: wassersteinOptionsSchema,
  defaults: WASSERSTEIN_DEFAULTS,
  create: () => wassersteinLoss(),
});
