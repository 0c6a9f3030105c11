import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';

/**
 * Mean sigmoid cross-entropy of logits `l` against a target probability `t`, in softplus form:
 *
 *   BCE(l, t) = t·softplus(−l) + (1 − t)·softplus(l)   (= −t·log σ(l) − (1 − t)·log(1 − σ(l)))
 *
 * Numerically stable for any logit: it never takes the log of a computed sigmoid.
 */
export function sigmoidCrossEntropyWithLogits(logits: tf.Tensor, target: number): tf.Scalar {
  return tf.tidy(() => {
    const pos = tf.softplus(tf.neg(logits));
    const neg = tf.softplus(logits);
    const perSample =
      target === 1 ? pos : target === 0 ? neg : tf.add(tf.mul(target, pos), tf.mul(1 - target, neg));
    return tf.mean(perSample) as tf.Scalar;
  });
}

/** Label smoothing of the binary cross-entropy discriminator loss. */
export interface LabelSmoothingOptions {
  /**
   * α: the real target becomes 1 − α (one-sided label smoothing, Salimans et al. 2016,
   * arXiv:1606.03498). Default 0.
   */
  realLabelSmoothing?: number;
  /** β: the fake target becomes 0 + β (two-sided smoothing, together with α). Default 0. */
  fakeLabelSmoothing?: number;
}

/** zod schema of {@link LabelSmoothingOptions}: both in [0, 0.5), default 0. */
export const labelSmoothingShape = {
  realLabelSmoothing: z
    .number()
    .min(0)
    .lt(0.5)
    .default(0)
    .describe('α: real target 1 − α (one-sided label smoothing)'),
  fakeLabelSmoothing: z
    .number()
    .min(0)
    .lt(0.5)
    .default(0)
    .describe('β: fake target β (two-sided label smoothing)'),
};

/**
 * The discriminator loss of the minimax and non-saturating GANs (Goodfellow et al. 2014,
 * arXiv:1406.2661) on logits, with optional label smoothing:
 *
 *   real = E_x[BCE(D(x), 1 − α)],   fake = E_z[BCE(D(G(z)), β)]
 *
 * With α = β = 0 this is −E log σ(D(x)) − E log(1 − σ(D(G(z)))).
 */
export function bceDiscriminatorLoss(
  realLogits: tf.Tensor,
  fakeLogits: tf.Tensor,
  options: LabelSmoothingOptions = {},
): { real: tf.Scalar; fake: tf.Scalar } {
  const alpha = options.realLabelSmoothing ?? 0;
  const beta = options.fakeLabelSmoothing ?? 0;
  return {
    real: sigmoidCrossEntropyWithLogits(realLogits, 1 - alpha),
    fake: sigmoidCrossEntropyWithLogits(fakeLogits, beta),
  };
}
