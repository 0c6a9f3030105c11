import * as tf from '@tensorflow/tfjs';
import type { Rng } from '@ganforge/core';

/**
 * A learned label embedding e(y) = yᵀ·E for one-hot (or soft) labels y `[n, K]` and a table
 * E `[K, d]`: a row lookup written as a matrix product, so its gradient reaches the table.
 */
export function embedLabels(table: tf.Tensor, labels: tf.Tensor): tf.Tensor {
  return tf.matMul(labels, table);
}

/** An embedding table `[numClasses, dim]` with N(0, 1) entries drawn from the run's init stream (as torch.nn.Embedding). */
export function initEmbeddingTable(rng: Rng, numClasses: number, dim: number): tf.Tensor {
  return rng.normalTensor([numClasses, dim]);
}

/** A projection matrix `[numClasses, features]` with Glorot-uniform entries drawn from the run's init stream. */
export function initProjectionKernel(rng: Rng, numClasses: number, features: number): tf.Tensor {
  const limit = Math.sqrt(6 / (numClasses + features));
  return rng.uniformTensor([numClasses, features], -limit, limit);
}
