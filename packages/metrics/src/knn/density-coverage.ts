import type { FeatureInput } from '../features/feature-matrix.js';
import {
  manifoldStatisticsBatched,
  manifoldStatisticsExact,
  type KnnBatchedOptions,
  type KnnOptions,
} from './manifold-statistics.js';

/** Density and coverage of a generated set. */
export interface DensityCoverage {
  /** Fidelity: mean count of real k-NN balls around each generated point, over k; 1 in expectation for equal distributions, > 1 on dense regions. */
  density: number;
  /** Diversity: share of real k-NN balls that hold at least one generated point, in [0, 1]. */
  coverage: number;
}

/**
 * Density and coverage (Naeem et al. 2020, arXiv:2002.09797), exactly, from full distance
 * matrices. Only the real set's k-NN balls B(xᵢ, r(xᵢ)) are used (r = distance to the k-th nearest
 * other real point), which makes both robust to generated outliers:
 *
 *   density  = 1/(k·m) Σⱼ Σᵢ 1[‖yⱼ − xᵢ‖ ≤ r(xᵢ)],   coverage = (1/n) Σᵢ 1[∃j: ‖xᵢ − yⱼ‖ ≤ r(xᵢ)]
 *
 * For generated points drawn from the real distribution, E[density] = 1 and
 * E[coverage] = 1 − ∏ₜ₌₁ᵏ (n − t)/(n + m − t), → 1 − (1/2)ᵏ ≈ 0.97 for m = n, k = 5 (the paper's
 * Lemmas 1 and 2). Membership uses ≤ (clovaai's reference code uses <; they differ only on ties).
 */
export function densityCoverage(
  real: FeatureInput,
  fake: FeatureInput,
  options: KnnOptions = {},
): DensityCoverage {
  const s = manifoldStatisticsExact(real, fake, options);
  return { density: s.density, coverage: s.coverage };
}

/**
 * {@link densityCoverage} computed in blocks of `chunkRows` rows of the distance matrices, keeping
 * only the k smallest distances per row: the same numbers bit for bit, without an n × m matrix.
 */
export function densityCoverageBatched(
  real: FeatureInput,
  fake: FeatureInput,
  options: KnnBatchedOptions = {},
): DensityCoverage {
  const s = manifoldStatisticsBatched(real, fake, options);
  return { density: s.density, coverage: s.coverage };
}
