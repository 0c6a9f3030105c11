import * as tf from '@tensorflow/tfjs';

/** The three relativistic average losses of Jolicoeur-Martineau 2018 (arXiv:1807.00734, §4.3). */
export type RelativisticVariant = 'standard' | 'least-squares' | 'hinge';

/**
 * The relativistic average critic differences of Jolicoeur-Martineau 2018 (arXiv:1807.00734):
 *
 *   D̃(x_r) = C(x_r) − E_f[C(x_f)],   D̃(x_f) = C(x_f) − E_r[C(x_r)]
 *
 * where C is the raw critic output (logits). "How much more real than the average fake is this
 * real sample", and the reverse for a fake.
 */
export function relativisticDifferences(
  realScores: tf.Tensor,
  fakeScores: tf.Tensor,
): { real: tf.Tensor; fake: tf.Tensor } {
  return tf.tidy(() => ({
    real: tf.sub(realScores, tf.mean(fakeScores)),
    fake: tf.sub(fakeScores, tf.mean(realScores)),
  }));
}

/**
 * f₁ and f₂ of the relativistic average loss, applied to a difference d (arXiv:1807.00734, §4.3):
 * the discriminator minimizes E_r[f₁(D̃(x_r))] + E_f[f₂(D̃(x_f))] and the generator
 * E_f[f₁(D̃(x_f))] + E_r[f₂(D̃(x_r))].
 *
 * - standard (RaSGAN): f₁(d) = −log σ(d) = softplus(−d), f₂(d) = −log(1 − σ(d)) = softplus(d);
 * - least squares (RaLSGAN): f₁(d) = (d − 1)², f₂(d) = (d + 1)²;
 * - hinge (RaHingeGAN): f₁(d) = max(0, 1 − d), f₂(d) = max(0, 1 + d).
 */
function f1(variant: RelativisticVariant, d: tf.Tensor): tf.Tensor {
  switch (variant) {
    case 'standard':
      return tf.softplus(tf.neg(d));
    case 'least-squares':
      return tf.square(tf.sub(d, 1));
    case 'hinge':
      return tf.relu(tf.sub(1, d));
  }
}

function f2(variant: RelativisticVariant, d: tf.Tensor): tf.Tensor {
  switch (variant) {
    case 'standard':
      return tf.softplus(d);
    case 'least-squares':
      return tf.square(tf.add(d, 1));
    case 'hinge':
      return tf.relu(tf.add(1, d));
  }
}

/**
 * The relativistic average discriminator loss (Jolicoeur-Martineau 2018, arXiv:1807.00734), split
 * into its real and fake terms (the total is their sum):
 *
 *   L_D = E_r[f₁(C(x_r) − E_f C(x_f))] + E_f[f₂(C(x_f) − E_r C(x_r))]
 *
 * For `standard` this is −E_r[log σ(D̃(x_r))] − E_f[log(1 − σ(D̃(x_f)))].
 */
export function relativisticAverageDiscriminatorLoss(
  realScores: tf.Tensor,
  fakeScores: tf.Tensor,
  variant: RelativisticVariant = 'standard',
): { real: tf.Scalar; fake: tf.Scalar } {
  return tf.tidy(() => {
    const d = relativisticDifferences(realScores, fakeScores);
    return {
      real: tf.mean(f1(variant, d.real)) as tf.Scalar,
      fake: tf.mean(f2(variant, d.fake)) as tf.Scalar,
    };
  });
}

/**
 * The relativistic average generator loss (Jolicoeur-Martineau 2018, arXiv:1807.00734): the
 * discriminator's with the roles of real and fake swapped,
 *
 *   L_G = E_f[f₁(C(x_f) − E_r C(x_r))] + E_r[f₂(C(x_r) − E_f C(x_f))]
 *
 * Unlike the non-saturating loss, the real batch contributes a gradient to G (through E_f C(x_f)).
 */
export function relativisticAverageGeneratorLoss(
  realScores: tf.Tensor,
  fakeScores: tf.Tensor,
  variant: RelativisticVariant = 'standard',
): tf.Scalar {
  return tf.tidy(() => {
    const d = relativisticDifferences(realScores, fakeScores);
    return tf.add(tf.mean(f1(variant, d.fake)), tf.mean(f2(variant, d.real))) as tf.Scalar;
  });
}

/**
 * The discriminator's relativistic accuracy: the share of real samples judged more real than the
 * average fake, real = mean[D̃(x_r) > 0], and of fakes judged less real than the average real,
 * fake = mean[D̃(x_f) < 0].
 */
export function relativisticAccuracy(
  realScores: tf.Tensor,
  fakeScores: tf.Tensor,
): { real: tf.Scalar; fake: tf.Scalar } {
  return tf.tidy(() => {
    const d = relativisticDifferences(realScores, fakeScores);
    return {
      real: tf.mean(tf.cast(tf.greater(d.real, 0), 'float32')) as tf.Scalar,
      fake: tf.mean(tf.cast(tf.less(d.fake, 0), 'float32')) as tf.Scalar,
    };
  });
}
