import * as tf from '@tensorflow/tfjs';

/** Smallest argument used in the derivative, so 0.5/√x stays finite (float32 normal range). */
const GRADIENT_FLOOR = 1e-30;

/**
 * `√x` with exactly tfjs' forward value and a derivative that is finite at `x = 0`:
 *
 *   d√x/dx = 0.5 / √max(x, 1e-30)
 *
 * tfjs' own gradient of `sqrt` is `0.5/√x`, which is `Inf` at 0 and turns into `NaN` once it is
 * multiplied by the zero gradient of `x = g²` (TRAPS.md: "Adam's √v̂ inside an unroll"). Adding a
 * constant inside the root (`√(x + 1e-12)`) fixes the gradient but changes the forward value for
 * small second moments; this keeps the forward pass bit-identical to `tf.sqrt` and only clamps the
 * derivative, whose product with `dx/dg = 0` is then 0 (the subgradient of |g| at 0).
 */
export function sqrtWithFiniteGradient(x: tf.Tensor): tf.Tensor {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const input = args[0] as tf.Tensor;
    const save = args[1] as tf.GradSaveFunc;
    save([input]);
    return {
      value: tf.sqrt(input),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) =>
        tf.div(tf.mul(dy, 0.5), tf.sqrt(tf.maximum(saved[0], GRADIENT_FLOOR))),
    };
  });
  return f(x);
}
