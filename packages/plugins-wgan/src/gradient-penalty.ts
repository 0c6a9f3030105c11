import * as tf from '@tensorflow/tfjs';
import { safeNorm, type Discriminator, type ParamTree, type Rng } from '@ganforge/core';
import { interpolates } from './interpolates.js';

/** How {@link gradientPenalty} runs the critic. */
export interface GradientPenaltyInputs {
  /** Critic parameters (differentiated by the caller; default: the critic's variables). */
  params?: ParamTree;
  /** Critic state; read, never written (the state the pass returns is discarded). */
  state?: ParamTree;
  cond?: tf.Tensor;
  /** Random stream for dropout inside the critic. */
  rng?: Rng;
  /** Penalize only norms above 1: E[max(0, ‖∇D(x̂)‖ − 1)²] (default false: two-sided). */
  oneSided?: boolean;
}

/** The unweighted penalty and the per-sample gradient norms at the interpolates. */
export interface GradientPenaltyResult {
  /** E[(‖∇ₓ̂D(x̂)‖₂ − 1)²], or its one-sided form. */
  penalty: tf.Scalar;
  /** ‖∇ₓ̂D(x̂ᵢ)‖₂ per sample, `[batch]`. */
  norms: tf.Tensor1D;
}

/**
 * The WGAN-GP gradient penalty without its weight λ (Gulrajani et al. 2017, arXiv:1704.00028,
 * eq. 3):
 *
 *   GP = E_{x̂}[(‖∇ₓ̂ D(x̂)‖₂ − 1)²],   x̂ = ε·x + (1 − ε)·G(z),   ε ~ U[0, 1] per sample
 *
 * and, with `oneSided`, E[max(0, ‖∇ₓ̂D(x̂)‖₂ − 1)²] (the one-sided form the paper mentions in
 * §4; Petzka et al. 2018, arXiv:1709.08894). The critic runs in training mode with the given
 * params and state and its returned state is dropped, so the penalty never writes the critic's
 * state. The inner gradient is taken with `tf.grad`, so differentiating the penalty with respect
 * to the critic's params is second order (exact for conv critics too once core's
 * `installGradientFixes()` has run). The norm is core's `safeNorm` (√(Σg² + 1e-12)), whose
 * gradient is finite where ∇ₓ̂D = 0.
 */
export function gradientPenalty(
  d: Discriminator,
  real: tf.Tensor,
  fake: tf.Tensor,
  epsilon: tf.Tensor,
  inputs: GradientPenaltyInputs = {},
): GradientPenaltyResult {
  return tf.tidy(() => {
    const xHat = interpolates(real, fake, epsilon);
    const scoreSum = (x: tf.Tensor): tf.Scalar => {
      const out = d.forward(x, {
        training: true,
        params: inputs.params,
        state: inputs.state,
        cond: inputs.cond,
        rng: inputs.rng,
      });
      return tf.sum(out.score) as tf.Scalar;
    };
    // Each score depends only on its own sample (no batch norm), so the gradient of the summed
    // scores holds every per-sample gradient ∇ₓ̂ᵢ D(x̂ᵢ).
    const grad = tf.grad(scoreSum)(xHat);
    const axes = grad.shape.map((_, i) => i).slice(1);
    const norms = (
      axes.length > 0 ? safeNorm(grad, axes) : safeNorm(tf.expandDims(grad, 1), 1)
    ) as tf.Tensor1D;
    const excess = tf.sub(norms, 1);
    const penalty = tf.mean(tf.square(inputs.oneSided ? tf.relu(excess) : excess)) as tf.Scalar;
    return { penalty, norms };
  });
}
