import * as tf from '@tensorflow/tfjs';
import { defineComponent, type LossContext, type Regularizer } from '@ganforge/core';
import { z } from 'zod';
import { batchNormStatePaths, batchNormWarning } from './batch-norm-paths.js';
import { gradientPenalty } from './gradient-penalty.js';
import { interpolationCoefficients } from './interpolates.js';
import { parseOptions } from './parse-options.js';

/** zod schema of the `gradient-penalty` regularizer options. */
export const gradientPenaltyOptionsSchema = z.strictObject({
  lambda: z
    .number()
    .min(0)
    .default(10)
    .describe(
      'λ ≥ 0, the penalty weight (default 10, Gulrajani et al. 2017; the paper used 0.1 for its toy 2-D experiments)',
    ),
  oneSided: z
    .boolean()
    .default(false)
    .describe('penalize only gradient norms above 1: E[max(0, ‖∇D(x̂)‖ − 1)²] (default false: two-sided)'),
});

/** Options of the `gradient-penalty` regularizer as written in a config. */
export type GradientPenaltyOptions = z.input<typeof gradientPenaltyOptionsSchema>;

/** What the gradient-penalty regularizer reports outside its logs. */
export interface GradientPenaltyHooks {
  /** Receives the one-time batch-norm warning (default `console.warn`). */
  log?: (message: string) => void;
}

/**
 * The WGAN-GP regularizer (Gulrajani et al. 2017, arXiv:1704.00028) on the critic:
 * λ·E[(‖∇ₓ̂D(x̂)‖₂ − 1)²] on interpolates x̂ = ε·x + (1 − ε)·G(z) of the update's real and fake
 * batches, ε ~ U[0, 1] per sample (per pack of m samples for a PacGAN critic, whose fake scores
 * have batch/m rows; the norm is then over each pack's gradient) drawn from the run's noise stream
 * (`ctx.rng`). `weight` is λ and
 * `penalty` the unweighted expectation ({@link gradientPenalty}), evaluated with the context's
 * critic params (so the trainer differentiates it) and state (never written).
 *
 * `logs()` reports `grad_norm`, the mean ‖∇ₓ̂D(x̂)‖₂ of the same interpolates (logged as
 * `gradient_penalty_grad_norm`; WGAN-GP drives it towards 1). Call `penalty` and `logs` inside
 * one `tf.tidy`, as the trainer does: the norms are kept between the two calls.
 *
 * The first time it sees a critic with batch-norm state it warns once through `hooks.log`.
 */
export function gradientPenaltyRegularizer(
  options: GradientPenaltyOptions = {},
  hooks: GradientPenaltyHooks = {},
): Regularizer {
  const { lambda, oneSided } = parseOptions(gradientPenaltyOptionsSchema, options, 'gradient-penalty');
  const log = hooks.log ?? ((message: string) => console.warn(message));
  const meanNorms = new WeakMap<LossContext, tf.Scalar>();
  let checked = false;

  const evaluate = (ctx: LossContext): tf.Scalar => {
    if (!checked) {
      checked = true;
      const paths = batchNormStatePaths(Object.keys(ctx.dState));
      if (paths.length > 0) log(batchNormWarning(paths));
    }
    // Returned from the tidy (not kept), the mean norm lives in the caller's tidy scope: the
    // trainer's D-update tidy disposes it on the D steps that log nothing.
    const { penalty, mean } = tf.tidy(() => {
      const epsilon = interpolationCoefficients(ctx.rng, ctx.real.x.shape[0], packingOf(ctx));
      const result = gradientPenalty(ctx.d, ctx.real.x, ctx.fake, epsilon, {
        params: ctx.dParams,
        state: ctx.dState,
        cond: ctx.cond,
        rng: ctx.rng,
        oneSided,
      });
      return { penalty: result.penalty, mean: tf.mean(result.norms) as tf.Scalar };
    });
    meanNorms.set(ctx, mean);
    return penalty;
  };

  return {
    name: 'gradient-penalty',
    target: 'discriminator',
    weight: lambda,
    penalty: evaluate,
    logs(ctx) {
      let mean = meanNorms.get(ctx);
      if (mean === undefined) {
        evaluate(ctx).dispose();
        mean = meanNorms.get(ctx) as tf.Scalar;
      }
      meanNorms.delete(ctx);
      return { grad_norm: mean };
    },
  };
}

/**
 * Samples per score row of the critic in this update: m for a PacGAN critic (its fake scores
 * have batch/m rows), else 1. Read from the fake scores the update already computed.
 */
function packingOf(ctx: LossContext): number {
  const n = ctx.fake.shape[0];
  const rows = (ctx.fakeOut as LossContext['fakeOut'] | undefined)?.score.shape[0] ?? n;
  return rows > 0 && rows < n && n % rows === 0 ? n / rows : 1;
}

/** The `gradient-penalty` component, reporting its batch-norm warning through `log`. */
export function gradientPenaltyComponent(log?: (message: string) => void) {
  return defineComponent({
    kind: 'regularizer',
    name: 'gradient-penalty',
    description:
      'WGAN-GP gradient penalty (Gulrajani et al. 2017): λ·E[(‖∇D(x̂)‖ − 1)²] on real/fake interpolates; one-sided option.',
    options: gradientPenaltyOptionsSchema,
    create: (options) => gradientPenaltyRegularizer(options, { log }),
  });
}
