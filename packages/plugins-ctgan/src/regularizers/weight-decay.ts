import * as tf from '@tensorflow/tfjs';
import type { LossContext, ParamTree, Regularizer } from '@ganforge/core';

/**
 * ½‖θ‖² = ½ Σ_p Σ θ_p² over every tensor of a parameter tree (weights, biases, batch-norm γ and β).
 */
export function halfSquaredNorm(params: ParamTree): tf.Scalar {
  return tf.tidy(() => {
    const terms = Object.values(params).map((p) => tf.sum(tf.square(p)));
    return tf.mul(0.5, terms.length > 0 ? tf.addN(terms) : tf.scalar(0)) as tf.Scalar;
  });
}

/**
 * Coupled weight decay as a regularizer: λ·½‖θ‖² over every parameter of the `target` network,
 * whose gradient λ·θ is what PyTorch's `Adam(weight_decay=λ)` adds to the gradient before the
 * moment estimates (L2 regularization, not AdamW's decoupled decay; Loshchilov & Hutter 2019,
 * arXiv:1711.05101, §2). GANForge's optimizers have no weight-decay option, so CTGAN's
 * `generator_decay` and `discriminator_decay` (1e-6 each in the reference code) are written as
 * these penalties. Logged as `reg_weight_decay_<target>`.
 *
 * One float32 difference from PyTorch, which adds λθ inside the optimizer: here λθ joins the loss
 * gradient, so where that gradient is a sum that cancels (+1 − 1, a WGAN critic's output bias) a
 * decay below one float32 ulp of its terms (λθ < 1.2e-7) is rounded away. That bias cancels in
 * every WGAN-GP term, so training is unchanged.
 */
export function weightDecayRegularizer(target: 'generator' | 'discriminator', lambda: number): Regularizer {
  return {
    name: `weight-decay-${target}`,
    target,
    weight: lambda,
    penalty: (ctx: LossContext) => halfSquaredNorm(target === 'generator' ? ctx.gParams : ctx.dParams),
  };
}
