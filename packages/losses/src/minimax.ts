import * as tf from '@tensorflow/tfjs';
import { defineComponent, type GanLoss } from '@ganforge/core';
import { z } from 'zod';
import { thresholdAccuracy } from './accuracy.js';
import { bceDiscriminatorLoss, labelSmoothingShape, type LabelSmoothingOptions } from './bce.js';

/**
 * The minimax generator loss of Goodfellow et al. 2014 (arXiv:1406.2661), on logits l = D(G(z)):
 *
 *   L_G = E_z[log(1 − σ(l))] = −E_z[softplus(l)]
 *
 * Its gradient −σ(l)/n vanishes where the discriminator rejects the fakes (σ(l) ≈ 0), which is why
 * the paper recommends the non-saturating form in practice.
 */
export function minimaxGeneratorLoss(fakeLogits: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(tf.softplus(fakeLogits))) as tf.Scalar);
}

/** zod schema of the `minimax` loss options. */
export const minimaxOptionsSchema = z.strictObject(labelSmoothingShape);

/** Options of the `minimax` loss (label smoothing; all default 0). */
export type MinimaxOptions = z.input<typeof minimaxOptionsSchema>;

/**
 * The minimax GAN loss (Goodfellow et al. 2014, arXiv:1406.2661) on logits: the discriminator's
 * binary cross-entropy (with optional label smoothing) and the saturating generator loss
 * E log(1 − D(G(z))). Accuracy thresholds logits at 0.
 */
export function minimaxLoss(options: LabelSmoothingOptions = {}): GanLoss {
  return {
    name: 'minimax',
    discriminatorLoss: (ctx) => bceDiscriminatorLoss(ctx.realOut.score, ctx.fakeOut.score, options),
    generatorLoss: (ctx) => minimaxGeneratorLoss(ctx.fakeOut.score),
    accuracy: (ctx) => thresholdAccuracy(ctx.realOut.score, ctx.fakeOut.score, 0),
  };
}

/** The registered `minimax` loss component. */
export const minimaxComponent = defineComponent({
  kind: 'loss',
  name: 'minimax',
  description:
    'Minimax GAN loss on logits (Goodfellow et al. 2014): G minimizes log(1 − D(G(z))); saturates.',
  options: minimaxOptionsSchema,
  create: (options) => minimaxLoss(options),
});
