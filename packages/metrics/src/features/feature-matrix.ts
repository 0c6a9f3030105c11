import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '@ganforge/core';

/** Feature vectors as a row-major matrix `[rows, dim]` in float64. */
export interface FeatureMatrix {
  /** Row-major values, `rows × dim` of them. */
  readonly values: Float64Array;
  /** Number of feature vectors n. */
  readonly rows: number;
  /** Dimension d of each vector. */
  readonly dim: number;
}

/** What the feature-space metrics accept: a tensor `[n, …]` (rows flattened) or a typed array with its width. */
export type FeatureInput = tf.Tensor | FeatureMatrix | { values: ArrayLike<number>; dim: number };

/**
 * The rows of `x` as a float64 {@link FeatureMatrix}: a tensor `[n, …]` is read once and each
 * sample flattened to a vector; an array of values is split into rows of `dim`. Float32 inputs are
 * widened exactly, so every distance computed from the matrix is the same on every backend.
 */
export function toFeatureMatrix(x: FeatureInput, what = 'samples'): FeatureMatrix {
  if (x instanceof tf.Tensor) {
    const rows = x.shape[0] ?? 0;
    const dim = rows === 0 ? x.shape.slice(1).reduce((a, b) => a * b, 1) : x.size / rows;
    return { values: Float64Array.from(x.dataSync()), rows, dim };
  }
  if (!(Number.isInteger(x.dim) && x.dim > 0))
    throw new ConfigError(`${what}: the feature dimension must be a positive integer, got ${x.dim}`, what);
  if (x.values.length % x.dim !== 0)
    throw new ConfigError(
      `${what}: ${x.values.length} values are not a whole number of ${x.dim}-dimensional rows`,
      what,
    );
  const values = x.values instanceof Float64Array ? x.values : Float64Array.from(x.values);
  return { values, rows: x.values.length / x.dim, dim: x.dim };
}

/** Throws a {@link ConfigError} unless the two matrices have the same dimension. */
export function checkSameDimension(a: FeatureMatrix, b: FeatureMatrix): void {
  if (a.dim !== b.dim)
    throw new ConfigError(
      `real features have ${a.dim} dimensions but generated ones have ${b.dim}`,
      'samples',
    );
}
