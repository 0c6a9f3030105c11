import * as tf from '@tensorflow/tfjs';
import {
  defineComponent,
  type Discriminator,
  type LossContext,
  type ParamTree,
  type Regularizer,
  type Rng,
} from '@ganforge/core';
import { z } from 'zod';

/** What {@link r1Penalty} evaluates the discriminator with. */
export interface R1Inputs {
  /** Discriminator parameters (differentiated by the caller; default: D's variables). */
  params?: ParamTree;
  /** Discriminator state; read, never written (the returned state is discarded). */
  state?: ParamTree;
  cond?: tf.Tensor;
  /** Random stream for dropout inside D. */
  rng?: Rng;
}

/**
 * The R1 gradient penalty without its weight (Mescheder et al. 2018, arXiv:1801.04406, eq. 9):
 *
 *   R1 = E_{x ~ p_data}[‖∇ₓ D(x)‖²]
 *
 * D runs in training mode on the real batch with the given params and state; the state it returns
 * is dropped, so R1 never writes D's state (BN moving stats, spectral-norm u). The inner gradient
 * is taken with `tf.grad`, so differentiating R1 with respect to D's params is second order. No
 * square root is taken, so the gradient is finite at ∇ₓD = 0.
 *
 * The expectation runs over the rows of D's score: for a PacGAN discriminator (Lin et al. 2018,
 * arXiv:1712.04086), which scores packs P of m consecutive samples, it is E_P[‖∇_P D(P)‖²], the
 * squared norm of the gradient with respect to each packed input.
 */
export function r1Penalty(d: Discriminator, xReal: tf.Tensor, inputs: R1Inputs = {}): tf.Scalar {
  return tf.tidy(() => {
    let rows = xReal.shape[0];
    const scoreSum = (x: tf.Tensor): tf.Scalar => {
      const out = d.forward(x, {
        training: true,
        params: inputs.params,
        state: inputs.state,
        cond: inputs.cond,
        rng: inputs.rng,
      });
      rows = out.score.shape[0];
      return tf.sum(out.score) as tf.Scalar;
    };
    const gradX = tf.grad(scoreSum)(xReal);
    // One squared norm per row of the score: per sample, or per pack of m samples for a PacGAN
    // discriminator (its batch/m scores each depend on m consecutive samples).
    const squaredNorms = tf.sum(tf.square(tf.reshape(gradX, [rows, -1])), 1);
    return tf.mean(squaredNorms) as tf.Scalar;
  });
}

/** zod schema of the `r1` regularizer options. */
export const r1OptionsSchema = z.strictObject({
  gamma: z.number().positive().default(10).describe('γ: the penalty is γ/2 · E‖∇ₓD(x_real)‖² (default 10)'),
});

/** Options of the `r1` regularizer. */
export type R1Options = z.input<typeof r1OptionsSchema>;

/**
 * The R1 regularizer (Mescheder et al. 2018, arXiv:1801.04406): γ/2 · E_{x~p_data}‖∇ₓD(x)‖² on
 * the discriminator. `weight` is γ/2 and `penalty` the unweighted expectation ({@link r1Penalty}),
 * evaluated with the context's D params (so the trainer differentiates it) and state (never
 * written).
 */
export function r1Regularizer(options: { gamma?: number } = {}): Regularizer {
  const gamma = options.gamma ?? 10;
  return {
    name: 'r1',
    target: 'discriminator',
    weight: gamma / 2,
    penalty: (ctx: LossContext) =>
      r1Penalty(ctx.d, ctx.real.x, { params: ctx.dParams, state: ctx.dState, cond: ctx.cond, rng: ctx.rng }),
  };
}

/** The registered `r1` regularizer component. */
export const r1Component = defineComponent({
  kind: 'regularizer',
  name: 'r1',
  description: 'R1 gradient penalty on real data (Mescheder et al. 2018): γ/2 · E‖∇ₓD(x)‖².',
  options: r1OptionsSchema,
  create: (options) => r1Regularizer(options),
});
