import type * as tf from '@tensorflow/tfjs';
import { DataError } from '@ganforge/core';

/**
 * Checks the conditioning input of a conditional network: present, `[batch, numClasses]`.
 * Missing labels mean the data source yields none; a different width means the data has another
 * number of classes than the network was built for.
 */
export function checkLabels(
  cond: tf.Tensor | undefined,
  batch: number,
  numClasses: number,
  who: string,
): tf.Tensor {
  if (cond === undefined) {
    throw new DataError(
      `${who}: no class labels (ForwardOptions.cond is undefined). The trainer passes each batch's labels, ` +
        'so the data source must yield them: use labelled data (e.g. mnist, or a csv source with a label column)',
    );
  }
  if (cond.rank !== 2 || cond.shape[1] !== numClasses) {
    throw new DataError(
      `${who}: labels of shape [${cond.shape}] have ${cond.rank === 2 ? cond.shape[1] : '?'} classes, but the network was built for ` +
        `${numClasses} (one-hot [batch, ${numClasses}]): numClasses differs between the config and the data`,
    );
  }
  if (cond.shape[0] !== batch)
    throw new DataError(`${who}: ${cond.shape[0]} labels for a batch of ${batch} samples`);
  return cond;
}

/**
 * Refuses one-hot rows that select no class (all zeros: what tf.oneHot makes of a label outside
 * `[0, numClasses)`). Reads the labels, so it runs on inference passes (sampling) only.
 */
export function checkLabelRows(cond: tf.Tensor, who: string): void {
  const [n, k] = cond.shape;
  const values = cond.dataSync();
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < k; j++) sum += values[i * k + j];
    if (!(Math.abs(sum - 1) < 1e-3)) {
      throw new DataError(
        `${who}: label out of range: row ${i} of the one-hot labels sums to ${sum}, not 1 (a label outside [0, ${k - 1}] one-hot-encodes to zeros)`,
      );
    }
  }
}
