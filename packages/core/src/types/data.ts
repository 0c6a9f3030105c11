import type * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng/rng.js';

/** One batch of training data. */
export interface Batch {
  /** Samples `[batch, ...sampleShape]`. */
  x: tf.Tensor;
  /** Class labels as one-hot `[batch, numClasses]`, for conditional GANs. */
  labels?: tf.Tensor;
}

/** Draws batches; its position is serializable so a checkpoint resumes the data stream exactly. */
export interface BatchSampler {
  /** The next batch; the caller owns (and disposes) the returned tensors. */
  next(batchSize: number): Batch;
  /** JSON-serializable position of the sampler. */
  state(): unknown;
  /** Restores a position returned by {@link BatchSampler.state}. */
  restore(state: unknown): void;
}

/** A source of training data. */
export interface DataSource {
  /** Shape of one sample, without the batch axis. */
  readonly sampleShape: readonly number[];
  /** Number of classes when the data is labelled. */
  readonly numClasses?: number;
  /** Creates a sampler drawing from the given random stream. */
  sampler(rng: Rng): BatchSampler;
}
