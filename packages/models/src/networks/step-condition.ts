import * as tf from '@tensorflow/tfjs';
import { DataError } from '@ganforge/core';

/**
 * Checks a static condition `cond` `[batch, condDim]` (e.g. one-hot class labels) of a network
 * built for `condDim` values; returns it. Missing means the data source yields no labels; another
 * width means the network was built for other data.
 */
export function checkStepCondition(
  cond: tf.Tensor | undefined,
  batch: number,
  condDim: number,
  who: string,
): tf.Tensor {
  if (cond === undefined) {
    throw new DataError(
      `${who}: built with condDim ${condDim} but given no condition (ForwardOptions.cond is undefined): ` +
        'use labelled data, or set condDim: 0 for an unconditional network',
    );
  }
  if (cond.rank !== 2 || cond.shape[1] !== condDim || cond.shape[0] !== batch) {
    throw new DataError(
      `${who}: expected a condition [${batch}, ${condDim}] (condDim ${condDim}), got [${cond.shape.join(', ')}]`,
    );
  }
  return cond;
}

/**
 * A static condition joined to every time step: x `[batch, time, f]` and c `[batch, k]` →
 * `[batch, time, f + k]`, step t being [x_t ; c] (RCGAN's conditioning, Esteban et al. 2017,
 * arXiv:1706.02633).
 */
export function withStepCondition(x: tf.Tensor, cond: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const time = x.shape[1] as number;
    return tf.concat([x, tf.tile(tf.expandDims(cond, 1), [1, time, 1])], 2);
  });
}
