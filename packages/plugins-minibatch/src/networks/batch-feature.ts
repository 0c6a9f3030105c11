import type * as tf from '@tensorflow/tfjs';
import type { ParamTree, Rng } from '@ganforge/core';

/**
 * A feature computed from the whole batch (minibatch discrimination, minibatch stddev), appended
 * to a body's per-sample features by {@link BatchFeatureDiscriminator}. Functional like
 * @ganforge/models' layers: its params are data keyed by a path inside the wrapper (such as
 * `minibatch/T`), and `apply` is a pure function of them.
 */
export interface BatchFeature {
  /** What the feature is, e.g. `minibatch-discrimination`. */
  readonly kind: string;
  /** Number of columns `apply` returns. */
  readonly width: number;
  /** Initial params for body features of width `featureDim`, drawn from the run's init stream. */
  init(rng: Rng, featureDim: number): ParamTree;
  /** The batch features `[n, width]` of body features `[n, featureDim]`. */
  apply(params: ParamTree, features: tf.Tensor): tf.Tensor;
}
