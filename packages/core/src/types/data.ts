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
  /**
   * Creates a sampler drawing from the given random stream: samples of the data as it is (what
   * metrics, pictures and reports compare with).
   */
  sampler(rng: Rng): BatchSampler;
  /**
   * Creates the sampler of the batches the trainer trains on, where they are drawn differently
   * from the data (CTGAN's training-by-sampling picks rows by condition, Xu et al. 2019,
   * arXiv:1907.00503); absent: the trainer draws from {@link DataSource.sampler}.
   */
  trainingSampler?(rng: Rng): BatchSampler;
}
