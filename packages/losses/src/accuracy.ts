import * as tf from '@tensorflow/tfjs';

/**
 * The discriminator's accuracy at a decision threshold τ:
 *
 *   real = mean[D(x) > τ],   fake = mean[D(G(z)) ≤ τ]
 *
 * τ = 0 for logits (BCE losses, hinge), τ = (a + b)/2 for least squares (0.5 with a = 0, b = 1).
 * Undefined for a Wasserstein critic, whose output has no threshold.
 */
export function thresholdAccuracy(
  realScores: tf.Tensor,
  fakeScores: tf.Tensor,
  threshold: number,
  realAbove = true,
): { real: tf.Scalar; fake: tf.Scalar } {
  return tf.tidy(() => {
    const realHit = realAbove ? tf.greater(realScores, threshold) : tf.less(realScores, threshold);
    const fakeHit = realAbove ? tf.lessEqual(fakeScores, threshold) : tf.greaterEqual(fakeScores, threshold);
    return {
      real: tf.mean(tf.cast(realHit, 'float32')) as tf.Scalar,
      fake: tf.mean(tf.cast(fakeHit, 'float32')) as tf.Scalar,
    };
  });
}
