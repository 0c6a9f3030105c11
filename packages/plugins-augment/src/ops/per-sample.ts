import * as tf from '@tensorflow/tfjs';

/** `v` `[n]` reshaped to `[n, 1, 1, 1]`, so one value per sample broadcasts over an image. */
export function perSample(v: tf.Tensor): tf.Tensor {
  return tf.reshape(v, [v.shape[0], 1, 1, 1]);
}
