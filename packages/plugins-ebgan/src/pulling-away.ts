import * as tf from '@tensorflow/tfjs';
import { defineComponent, safeNorm, TrainingError, type Regularizer } from '@ganforge/core';
import { z } from 'zod';

/**
 * The pulling-away term (Zhao, Mathieu & LeCun 2016, arXiv:1609.03126) of a batch of
 * codes S `[N, …]` (flattened to `[N, K]`):
 *
 *   f_PT(S) = 1/(N(N−1)) Σ_{i≠j} ( SᵢᵀSⱼ / (‖Sᵢ‖ ‖Sⱼ‖) )²
 *
 * the mean squared cosine similarity over ordered pairs of distinct samples: 0 for mutually
 * orthogonal codes, 1 for codes that are all parallel (identical up to scale or sign). Norms are
 * core's `safeNorm` √(‖Sᵢ‖² + 1e-12), so a zero code contributes 0 and its gradient is finite
 * (TRAPS.md: the gradient of a norm at 0 is NaN). Needs N ≥ 2.
 */
export function pullingAwayTerm(codes: tf.Tensor): tf.Scalar {
  const n = codes.shape[0];
  if (n < 2)
    throw new TrainingError(
      `the pulling-away term needs a batch of at least 2 codes, got ${n}`,
      undefined,
      'reg_pulling_away',
      'TRAINING_FAILED',
    );
  return tf.tidy(() => {
    const s = tf.reshape(codes, [n, -1]);
    const unit = tf.div(s, safeNorm(s, 1, true));
    const cosine = tf.matMul(unit, tf.transpose(unit));
    const offDiagonal = tf.sub(1, tf.eye(n));
    return tf.div(tf.sum(tf.mul(tf.square(cosine), offDiagonal)), n * (n - 1)) as tf.Scalar;
  });
}

/** zod schema of the `pulling-away` regularizer options. */
export const pullingAwayOptionsSchema = z.strictObject({
  weight: z
    .number()
    .nonnegative()
    .default(0.1)
    .describe('λ_PT: L_G + λ_PT · f_PT(S) on the codes of the generated batch (default 0.1, as the paper)'),
});

/** Options of the `pulling-away` regularizer as written in a config. */
export type PullingAwayOptions = z.input<typeof pullingAwayOptionsSchema>;

/**
 * EBGAN-PT's generator-side regularizer (Zhao, Mathieu & LeCun 2016, arXiv:1609.03126):
 * L_G + λ_PT · f_PT(S) with S the discriminator's `features` of the generated batch (the encoder
 * code of the `ebgan` discriminator; the penultimate features of others). The trainer logs the
 * unweighted value as `reg_pulling_away`.
 */
export function pullingAwayRegularizer(options: PullingAwayOptions = {}): Regularizer {
  const { weight } = pullingAwayOptionsSchema.parse(options);
  return {
    name: 'pulling-away',
    target: 'generator',
    weight,
    penalty: (ctx) => pullingAwayTerm(ctx.fakeOut.features),
  };
}

/** The registered `pulling-away` regularizer component. */
export const pullingAwayComponent = defineComponent({
  kind: 'regularizer',
  name: 'pulling-away',
  description: 'EBGAN pulling-away term on the codes of generated samples (Zhao et al. 2016), G-side, λ 0.1.',
  options: pullingAwayOptionsSchema,
  create: (options) => pullingAwayRegularizer(options),
});
