import * as tf from '@tensorflow/tfjs';

/**
 * √(x + eps): a square root whose gradient is finite at 0.
 *
 * d√x/dx = 1/(2√x) is ∞ at 0 and tfjs returns NaN there (TRAPS.md, "The gradient of sqrt"); with
 * eps = 1e-12 the gradient at 0 is 5e5 · dy instead, and the value moves by at most 1e-6.
 */
export function safeSqrt(x: tf.Tensor, eps = 1e-12): tf.Tensor {
  return tf.tidy(() => tf.sqrt(tf.add(x, eps)));
}

/**
 * Euclidean norm with a NaN-free gradient at 0: √(Σ x² + eps) over `axis` (all axes by default).
 *
 * Use it for every differentiated norm: the WGAN-GP penalty (‖∇ₓD(x̂)‖₂ − 1)² (Gulrajani et al.,
 * 2017, arXiv:1704.00028), EBGAN's pulling-away ‖Sᵢ‖, the minibatch stddev feature.
 * Its gradient is x / safeNorm(x), which is 0 (not NaN) at x = 0.
 */
export function safeNorm(x: tf.Tensor, axis?: number | number[], keepDims = false, eps = 1e-12): tf.Tensor {
  return tf.tidy(() => tf.sqrt(tf.add(tf.sum(tf.square(x), axis, keepDims), eps)));
}
