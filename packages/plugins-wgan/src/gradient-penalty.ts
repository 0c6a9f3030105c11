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

/** The unweighted penalty and the per-score gradient norms at the interpolates. */
export interface GradientPenaltyResult {
  /** E[(‖∇ₓ̂D(x̂)‖₂ − 1)²], or its one-sided form. */
  penalty: tf.Scalar;
  /**
   * ‖∇ₓ̂D(x̂ᵢ)‖₂ per row of the critic's score: `[batch]`, or `[batch/m]` for a critic that scores
   * packs of m samples (PacGAN), each the norm over its pack's gradient.
   */
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
 *
 * The norms are taken per row of the critic's score. A PacGAN critic (Lin et al. 2018,
 * arXiv:1712.04086) scores packs of m consecutive samples, giving batch/m rows: the penalty is
 * then on ‖∇_P̂ D(P̂)‖₂, the gradient with respect to the packed input P̂ = [x̂_{i·m}, …,
 * x̂_{i·m+m−1}] (the interpolates are packed inside the critic), as in the PacGAN-with-GP of
 * CTGAN (Xu et al. 2019, arXiv:1907.00503); draw ε once per pack for points on the lines
 * between packed real and packed fake samples ({@link interpolationCoefficients}).
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
    let rows = xHat.shape[0];
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
    // Each score depends only on its own sample, or its own pack of consecutive samples (no batch
    // norm), so the gradient of the summed scores holds every per-score gradient, one row each.
    const grad = tf.grad(scoreSum)(xHat);
    const norms = safeNorm(tf.reshape(grad, [rows, -1]), 1) as tf.Tensor1D;
    const excess = tf.sub(norms, 1);
    const penalty = tf.mean(tf.square(inputs.oneSided ? tf.relu(excess) : excess)) as tf.Scalar;
    return { penalty, norms };
  });
}
