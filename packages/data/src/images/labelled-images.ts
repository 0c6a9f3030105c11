import * as tf from '@tensorflow/tfjs';
import { ConfigError, DataError, type Batch, type DataSource, type Rng } from '@ganforge/core';
import { epochSampler } from '../sampler/epoch-sampler.js';

/** A data set held in memory: rows of a Float32 table, optionally labelled. */
export interface InMemoryDataset {
  /** Row-major samples, `size × prod(sampleShape)` values. */
  readonly values: Float32Array;
  /** Shape of one sample. */
  readonly sampleShape: readonly number[];
  /** Class index per row, when labelled. */
  readonly labels?: Uint8Array | Int32Array;
  /** Number of classes when labelled. */
  readonly numClasses?: number;
}

/** A data source over an {@link InMemoryDataset}; its rows and labels stay readable. */
export interface InMemorySource extends DataSource, InMemoryDataset {
  /** Number of rows. */
  readonly size: number;
}

/** Checks a data set's sizes and labels, naming `what` in errors. */
export function validateDataset(dataset: InMemoryDataset, what: string): number {
  const width = dataset.sampleShape.reduce((a, b) => a * b, 1);
  if (!(width > 0) || dataset.sampleShape.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new ConfigError(
      `${what}: sample shape [${dataset.sampleShape}] must have positive integer dimensions`,
      'sampleShape',
    );
  }
  if (dataset.values.length % width !== 0) {
    throw new DataError(
      `${what}: ${dataset.values.length} values are not a whole number of samples of shape [${dataset.sampleShape}]`,
    );
  }
  const size = dataset.values.length / width;
  if (size === 0) throw new DataError(`${what}: the data set is empty`);
  if (dataset.labels !== undefined) {
    if (dataset.labels.length !== size)
      throw new DataError(`${what}: ${dataset.labels.length} labels for ${size} samples`);
    const k = dataset.numClasses;
    if (k === undefined || !Number.isInteger(k) || k < 1)
      throw new ConfigError(`${what}: labelled data needs numClasses ≥ 1`, 'numClasses');
    const bad = dataset.labels.findIndex((l) => !(l >= 0 && l < k));
    if (bad >= 0)
      throw new DataError(`${what}: label ${dataset.labels[bad]} of sample ${bad} is outside [0, ${k})`);
  }
  return size;
}

/**
 * A data source over rows held in memory (images, table rows or windows), drawn in epochs without
 * replacement (see {@link epochSampler}); labels come out one-hot `[batch, numClasses]`.
 */
export function inMemorySource(dataset: InMemoryDataset, what = 'in-memory data'): InMemorySource {
  const size = validateDataset(dataset, what);
  const width = dataset.values.length / size;
  const { values, labels, numClasses, sampleShape } = dataset;
  const take = (indices: Int32Array): Batch => {
    const n = indices.length;
    const x = new Float32Array(n * width);
    for (let i = 0; i < n; i++)
      x.set(values.subarray(indices[i] * width, (indices[i] + 1) * width), i * width);
    const batch: Batch = { x: tf.tensor(x, [n, ...sampleShape]) };
    if (labels !== undefined && numClasses !== undefined) {
      const oneHot = new Float32Array(n * numClasses);
      for (let i = 0; i < n; i++) oneHot[i * numClasses + labels[indices[i]]] = 1;
      batch.labels = tf.tensor2d(oneHot, [n, numClasses]);
    }
    return batch;
  };
  return {
    values,
    sampleShape: [...sampleShape],
    labels,
    numClasses: labels !== undefined ? numClasses : undefined,
    size,
    sampler: (rng: Rng) => epochSampler(size, rng, take),
  };
}

/** Rows `indices` of a data set, as a new data set (for splits and subsets). */
export function selectRows(dataset: InMemoryDataset, indices: ArrayLike<number>): InMemoryDataset {
  const width = dataset.sampleShape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(indices.length * width);
  const labels = dataset.labels !== undefined ? new Uint8Array(indices.length) : undefined;
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i];
    values.set(dataset.values.subarray(r * width, (r + 1) * width), i * width);
    if (labels !== undefined) labels[i] = dataset.labels![r];
  }
  return { values, sampleShape: dataset.sampleShape, labels, numClasses: dataset.numClasses };
}
