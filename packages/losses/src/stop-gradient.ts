import * as tf from '@tensorflow/tfjs';

/**
 * The identity whose gradient is zero (TensorFlow's `stop_gradient`; tfjs 4.22 has none): LeCam's
 * anchors are moving averages of *detached* discriminator outputs (Tseng et al. 2021), so no
 * gradient flows from the penalty into the batch means that move them.
 */
export function stopGradient<T extends tf.Tensor>(x: T): T {
  const op = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => ({
    value: tf.clone(inputs[0] as tf.Tensor),
    gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
  }));
  return op(x) as T;
}
