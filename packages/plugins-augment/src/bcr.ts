import * as tf from '@tensorflow/tfjs';
import type { Discriminator, LossContext, ParamTree, Regularizer, Rng } from '@ganforge/core';
import { drawOps } from './draw-ops.js';
import { DrawnTransform } from './drawn-transform.js';
import type { AugmentSettings } from './policy.js';

/** How {@link consistencyTerm} runs the discriminator on the augmented batch. */
export interface ConsistencyInputs {
  /** Discriminator parameters (differentiated by the caller; default: D's variables). */
  params?: ParamTree;
  /** Discriminator state; read, never written (the state the pass returns is dropped). */
  state?: ParamTree;
  cond?: tf.Tensor;
  /** Random stream for dropout inside D. */
  rng?: Rng;
}

/**
 * One consistency term of bCR: E_i[(D(x)_i − D(T(x))_i)²], the mean over the rows of D's score
 * of the squared difference between the scores of `x` (given: `scores`, the trainer's own pass)
 * and of `augmented` = T(x), scored in training mode with the given params and state. Gradients
 * flow through both scores, as in the paper.
 */
export function consistencyTerm(
  d: Discriminator,
  scores: tf.Tensor,
  augmented: tf.Tensor,
  inputs: ConsistencyInputs = {},
): tf.Scalar {
  return tf.tidy(() => {
    const out = d.forward(augmented, { training: true, ...inputs });
    return tf.mean(tf.square(tf.sub(scores, out.score))) as tf.Scalar;
  });
}

/**
 * Balanced consistency regularization (Zhao, Zhang, Chen, Singh & Zhang 2021, "Improved
 * Consistency Regularization for GANs", arXiv:2002.04724, Algorithm 1), a discriminator-side
 * penalty:
 *
 *   L_bCR = λ_real · E‖D(x) − D(T(x))‖² + λ_fake · E‖D(G(z)) − D(T(G(z)))‖²
 *
 * with T a random augmentation drawn per sample (the paper: flip and translation), independently
 * for the real and the generated batch, from the context's stream (`ctx.rng`). D(x) and D(G(z))
 * are the D update's own scores; D(T(·)) are extra passes that never write D's state. `weight` is
 * 1 and `penalty` holds both λs, so `reg_bcr` in StepLogs is the weighted sum. With an `augment`
 * block as well, D is D∘T_aug (the trainer's `ctx.d`), so the terms compare D(T_aug(x)) with
 * D(T_aug(T(x))).
 */
export function bcrRegularizer(
  lambdas: { real: number; fake: number },
  settings: AugmentSettings,
  imageShape: readonly [number, number, number],
): Regularizer {
  const augmented = (x: tf.Tensor, rng: Rng) =>
    new DrawnTransform(
      drawOps(rng, x.shape[0], imageShape, settings),
      x.shape[0],
      imageShape,
      'regularizers.bcr',
    ).apply(x);
  return {
    name: 'bcr',
    target: 'discriminator',
    weight: 1,
    penalty: (ctx: LossContext) =>
      tf.tidy(() => {
        const inputs = { params: ctx.dParams, state: ctx.dState, cond: ctx.cond, rng: ctx.rng };
        const real = consistencyTerm(ctx.d, ctx.realOut.score, augmented(ctx.real.x, ctx.rng), inputs);
        const fake = consistencyTerm(ctx.d, ctx.fakeOut.score, augmented(ctx.fake, ctx.rng), inputs);
        return tf.add(tf.mul(real, lambdas.real), tf.mul(fake, lambdas.fake)) as tf.Scalar;
      }),
  };
}
