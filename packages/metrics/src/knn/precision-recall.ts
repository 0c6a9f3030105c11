import type { FeatureInput } from '../features/feature-matrix.js';
import {
  manifoldStatisticsBatched,
  manifoldStatisticsExact,
  type KnnBatchedOptions,
  type KnnOptions,
} from './manifold-statistics.js';

/** Improved precision and recall of a generated set. */
export interface PrecisionRecall {
  /** Fidelity: share of generated points inside the real k-NN manifold, in [0, 1]. */
  precision: number;
  /** Diversity: share of real points inside the generated k-NN manifold, in [0, 1]. */
  recall: number;
}

/**
 * Improved precision and recall (Kynkäänniemi et al. 2019, arXiv:1904.06991), exactly, from full
 * distance matrices. Each set's manifold is the union of balls B(z, r(z)) with r(z) the distance
 * from z to its k-th nearest neighbour in its own set (z itself excluded):
 *
 *   precision = (1/m) Σⱼ 1[yⱼ ∈ manifold(real)],   recall = (1/n) Σᵢ 1[xᵢ ∈ manifold(generated)]
 *
 * with membership ‖y − x‖ ≤ r(x) (the paper's ≤). `real` `[n, d]` and `fake` `[m, d]` are feature
 * vectors (see `embedSamples` for the feature space per data kind); k defaults to 5.
 * Precision falls when samples leave the support; recall falls when parts of it are missed.
 * Both are outlier-sensitive: one far real outlier with a large radius swallows many samples.
 */
export function precisionRecall(
  real: FeatureInput,
  fake: FeatureInput,
  options: KnnOptions = {},
): PrecisionRecall {
  const s = manifoldStatisticsExact(real, fake, options);
  return { precision: s.precision, recall: s.recall };
}

/**
 * {@link precisionRecall} computed in blocks of `chunkRows` rows of the distance matrices, keeping
 * only the k smallest distances per row: the same numbers bit for bit, for 10,000 × 10,000 points
 * and more without an n × m matrix in memory.
 */
export function precisionRecallBatched(
  real: FeatureInput,
  fake: FeatureInput,
  options: KnnBatchedOptions = {},
): PrecisionRecall {
  const s = manifoldStatisticsBatched(real, fake, options);
  return { precision: s.precision, recall: s.recall };
}
