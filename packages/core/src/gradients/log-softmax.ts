import * as tf from '@tensorflow/tfjs';

/**
 * Twice-differentiable log-softmax along the last axis: logits − logΣexp(logits).
 *
 * Why: `tf.logSoftmax` is a `tf.customGrad` that saves its own output and runs its forward pass
 * off the tape, so its second derivative silently misses a term, and, not being a kernel, it
 * cannot be fixed with `tf.registerGradient`. This composite (max, exp, sum, log) is exact at
 * every order once {@link installGradientFixes} has run. Use it on gradient-penalty, R1 and
 * unrolled paths (e.g. an auxiliary classifier's cross-entropy inside a penalty).
 */
export function logSoftmax(logits: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sub(logits, tf.logSumExp(logits, -1, true)));
}
