import * as tf from '@tensorflow/tfjs';
import { defineComponent, type GanLoss } from '@ganforge/core';
import { z } from 'zod';
import { thresholdAccuracy } from './accuracy.js';
import { bceDiscriminatorLoss, labelSmoothingShape, type LabelSmoothingOptions } from './bce.js';

/**
 * The non-saturating generator loss of Goodfellow et al. 2014 (arXiv:1406.2661, §3), on logits
 * l = D(G(z)): G maximizes log D(G(z)), i.e. minimizes
 *
 *   L_G = −E_z[log σ(l)] = E_z[softplus(−l)]
 *
 * Its gradient −(1 − σ(l))/n stays near −1/n where the discriminator rejects the fakes.
 */
export function nonSaturatingGeneratorLoss(fakeLogits: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.softplus(tf.neg(fakeLogits))) as tf.Scalar);
}

/** zod schema of the `non-saturating` loss options. */
export const nonSaturatingOptionsSchema = z.strictObject(labelSmoothingShape);

/** Options of the `non-saturating` loss (label smoothing; all default 0). */
export type NonSaturatingOptions = z.input<typeof nonSaturatingOptionsSchema>;

/**
 * The non-saturating GAN loss (Goodfellow et al. 2014, arXiv:1406.2661) on logits: the
 * discriminator's binary cross-entropy (optional one- or two-sided label smoothing, Salimans et
 * al. 2016, arXiv:1606.03498) and the generator loss −E log D(G(z)). Accuracy thresholds logits
 * at 0.
 */
export function nonSaturatingLoss(options: LabelSmoothingOptions = {}): GanLoss {
  return {
    name: 'non-saturating',
    discriminatorLoss: (ctx) => bceDiscriminatorLoss(ctx.realOut.score, ctx.fakeOut.score, options),
    generatorLoss: (ctx) => nonSaturatingGeneratorLoss(ctx.fakeOut.score),
    accuracy: (ctx) => thresholdAccuracy(ctx.realOut.score, ctx.fakeOut.score, 0),
  };
}

/** The registered `non-saturating` loss component. */
export const nonSaturatingComponent = defineComponent({
  kind: 'loss',
  name: 'non-saturating',
  description: 'Non-saturating GAN loss on logits (Goodfellow et al. 2014): G maximizes log D(G(z)).',
  options: nonSaturatingOptionsSchema,
  create: (options) => nonSaturatingLoss(options),
});
