import * as tf from '@tensorflow/tfjs';
import { defineComponent, type GanLoss } from '@ganforge/core';
import { z } from 'zod';
import { thresholdAccuracy } from './accuracy.js';

/**
 * The hinge discriminator loss (Lim & Ye 2017, arXiv:1705.02894; Miyato et al. 2018,
 * arXiv:1802.05957):
 *
 *   real = E_x[max(0, 1 − D(x))],   fake = E_z[max(0, 1 + D(G(z)))]
 */
export function hingeDiscriminatorLoss(
  realScores: tf.Tensor,
  fakeScores: tf.Tensor,
): { real: tf.Scalar; fake: tf.Scalar } {
  return tf.tidy(() => ({
    real: tf.mean(tf.relu(tf.sub(1, realScores))) as tf.Scalar,
    fake: tf.mean(tf.relu(tf.add(1, fakeScores))) as tf.Scalar,
  }));
}

/** The hinge generator loss (Lim & Ye 2017; Miyato et al. 2018): L_G = −E_z[D(G(z))]. */
export function hingeGeneratorLoss(fakeScores: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(fakeScores)) as tf.Scalar);
}

/** zod schema of the `hinge` loss options (none). */
export const hingeOptionsSchema = z.strictObject({});

/** Options of the `hinge` loss (none). */
// Not z.input<…>: the input type of an empty strict object is Record<string, never>, which would
// make `kind` never in a config block.
export type HingeOptions = Record<never, never>;

/**
 * The hinge GAN loss (Lim & Ye 2017, arXiv:1705.02894; Miyato et al. 2018, arXiv:1802.05957).
 * Accuracy thresholds D's output at 0.
 */
export function hingeLoss(): GanLoss {
  return {
    name: 'hinge',
    discriminatorLoss: (ctx) => hingeDiscriminatorLoss(ctx.realOut.score, ctx.fakeOut.score),
    generatorLoss: (ctx) => hingeGeneratorLoss(ctx.fakeOut.score),
    accuracy: (ctx) => thresholdAccuracy(ctx.realOut.score, ctx.fakeOut.score, 0),
  };
}

/** The registered `hinge` loss component. */
export const hingeComponent = defineComponent({
  kind: 'loss',
  name: 'hinge',
  description: 'Hinge GAN loss (Lim & Ye 2017; Miyato et al. 2018).',
  options: hingeOptionsSchema,
  create: () => hingeLoss(),
});
