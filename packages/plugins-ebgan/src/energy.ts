import * as tf from '@tensorflow/tfjs';

/**
 * The EBGAN energy of each sample: the autoencoder's reconstruction error as a mean over the
 * features (Zhao, Mathieu & LeCun 2016, arXiv:1609.03126):
 *
 *   D(x) = (1/F) Σ_f (Dec(Enc(x))_f − x_f)²
 *
 * `x` and `reconstruction` are `[batch, ...shape]`; the result is `[batch, 1]`. The mean (not the
 * sum) keeps the energy on one scale whatever the sample size, so one margin suits 2-D points and
 * 28×28 images alike (see `EBGAN_DEFAULT_MARGIN`).
 */
export function reconstructionEnergy(x: tf.Tensor, reconstruction: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const n = x.shape[0];
    const diff = tf.reshape(tf.sub(reconstruction, x), [n, -1]);
    return tf.mean(tf.square(diff), 1, true);
  });
}
