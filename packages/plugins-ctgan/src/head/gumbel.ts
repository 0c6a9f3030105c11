import * as tf from '@tensorflow/tfjs';

/**
 * Bounds of the uniform draw u = Φ(z) before the Gumbel transform: float32 has no value between
 * 1 − 2⁻²⁴ and 1, and Φ underflows to 0 below z ≈ −5.4, where −log(−log u) would be ±∞.
 */
const UNIFORM_BOUNDS = [1e-20, 1 - 2 ** -24] as const;

/**
 * Standard Gumbel noise from standard normal draws, g = −log(−log Φ(z)) with
 * Φ(z) = ½(1 + erf(z/√2)) the normal CDF: z ~ N(0, 1) makes Φ(z) ~ U(0, 1) and g ~ Gumbel(0, 1)
 * (Gumbel 1954; the Gumbel-max trick of Jang, Gu & Poole 2017, arXiv:1611.01144). CTGAN's
 * generator draws its Gumbel noise this way from extra latent dimensions, so that G(z) is a
 * function of z alone: the run's seeded `noise` stream (checkpointed) drives it, fixed noise
 * gives fixed samples, and resume stays bit-identical. u is clamped to [1e-20, 1 − 2⁻²⁴], so g
 * lies in about [−3.83, 16.6] (the clamp moves less than 1e-9 of the mass). No gradient flows
 * to z through it (none is needed: z is never trained).
 */
export function gumbelFromNormal(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.neg(tf.log(tf.neg(tf.log(uniformFromNormal(z))))));
}

/**
 * u = Φ(z) = ½(1 + erf(z/√2)), the standard normal CDF, clamped to [1e-20, 1 − 2⁻²⁴]: uniform on
 * (0, 1) for z ~ N(0, 1). CTGAN's generator draws its Gumbel noise ({@link gumbelFromNormal}) and,
 * when sampling without a condition, the condition from extra latent dimensions through it.
 */
export function uniformFromNormal(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const phi = tf.mul(0.5, tf.add(1, tf.erf(tf.mul(z, Math.SQRT1_2))));
    return tf.clipByValue(phi, UNIFORM_BOUNDS[0], UNIFORM_BOUNDS[1]);
  });
}

/**
 * The Gumbel-softmax (Jang, Gu & Poole 2017, arXiv:1611.01144; Maddison, Mnih & Teh 2017,
 * arXiv:1611.00712) over the last axis of `logits` `[n, k]`:
 *
 *   soft:  y = softmax((l + g)/τ)
 *   hard:  y = one_hot(argmax_j (l_j + g_j))   (a draw from softmax(l), the Gumbel-max trick)
 *
 * `gumbel` holds the noise g (same shape; e.g. {@link gumbelFromNormal}); without it, g = 0.
 * CTGAN (Xu et al. 2019, arXiv:1907.00503) uses τ = 0.2, soft outputs in training (what the
 * critic sees, differentiable in l) and the category of the largest l + g when sampling. The
 * soft form is differentiable to first order (softmax has no second derivative in tfjs 4.22, and
 * none is needed: the generator's loss is first order).
 */
export function gumbelSoftmax(
  logits: tf.Tensor,
  gumbel: tf.Tensor | undefined,
  tau: number,
  hard: boolean,
): tf.Tensor {
  return tf.tidy(() => {
    const perturbed = gumbel === undefined ? logits : tf.add(logits, gumbel);
    if (hard) {
      const k = logits.shape[logits.shape.length - 1];
      return tf.oneHot(tf.argMax(perturbed, -1), k).toFloat();
    }
    return tf.softmax(tf.div(perturbed, tau));
  });
}
