import * as tf from '@tensorflow/tfjs';
import { DataError } from '@ganforge/core';

/**
 * One-hot encodes integer class labels `[n]` as `[n, numClasses]` float32, refusing labels that
 * are not integers in `[0, numClasses)` (tf.oneHot silently maps an out-of-range label to a row of
 * zeros, which a conditional network would read as "no class").
 */
export function oneHotLabels(labels: ArrayLike<number>, numClasses: number): tf.Tensor2D {
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= numClasses) {
      throw new DataError(
        `label out of range: labels[${i}] is ${y}, expected an integer class in [0, ${numClasses - 1}]`,
      );
    }
  }
  return tf.tidy(
    () => tf.oneHot(tf.tensor1d(Array.from(labels), 'int32'), numClasses).toFloat() as tf.Tensor2D,
  );
}

/** Labels `i mod numClasses` for `n` samples: every class equally often (unlabelled sampling). */
export function balancedLabels(n: number, numClasses: number): number[] {
  return Array.from({ length: n }, (_, i) => i % numClasses);
}
