import { minibatchDiscrimination } from '../layers/minibatch-discrimination.js';
import { minibatchStddev } from '../layers/minibatch-stddev.js';
import type { BatchFeature } from './batch-feature.js';

/** Options of {@link minibatchDiscriminationFeature}. */
export interface MinibatchDiscriminationFeatureOptions {
  /** Number of kernels B (the features added); paper: 100. */
  B: number;
  /** Dimension C of each kernel; paper: 5. */
  C: number;
  /** Standard deviation of T's normal initialization (Salimans et al.'s code: 0.05). */
  initStd: number;
  /** Leave out c_b(x_i, x_i) = 1 from the sum (see {@link minibatchDiscrimination}). */
  excludeSelf: boolean;
  /** Divide the sum by its number of terms (see {@link minibatchDiscrimination}). */
  average: boolean;
  /** Compare within groups of this many rows (see {@link minibatchDiscrimination}); default the whole batch. */
  groupSize?: number;
}

/** Path of T inside the wrapper's params. */
export const MINIBATCH_T_PATH = 'minibatch/T';

/**
 * Minibatch discrimination (Salimans et al. 2016, arXiv:1606.03498) as a {@link BatchFeature}:
 * T ∈ R^{A×B×C} at `minibatch/T`, drawn from N(0, initStd²), and B features
 * o(x_i)_b = 1/(n − 1) · Σ_{j ≠ i} exp(−‖M_{i,b} − M_{j,b}‖_L1) with M_i = f(x_i)·T (the sum over
 * every j with `excludeSelf: false`, undivided with `average: false`; see
 * {@link minibatchDiscrimination}).
 */
export function minibatchDiscriminationFeature(options: MinibatchDiscriminationFeatureOptions): BatchFeature {
  const { B, C, initStd, excludeSelf, average, groupSize } = options;
  return {
    kind: 'minibatch-discrimination',
    width: B,
    init: (rng, featureDim) => ({ [MINIBATCH_T_PATH]: rng.normalTensor([featureDim, B, C], 0, initStd) }),
    apply: (params, features) =>
      minibatchDiscrimination(features, params[MINIBATCH_T_PATH], { excludeSelf, average, groupSize }),
  };
}

/** Options of {@link minibatchStddevFeature}. */
export interface MinibatchStddevFeatureOptions {
  /** ε of √(Var + ε); Karras et al.'s code: 1e-8. */
  epsilon: number;
}

/**
 * The minibatch standard deviation (Karras et al. 2018, arXiv:1710.10196) as a
 * {@link BatchFeature}: one feature, the mean over features of the per-feature standard deviation
 * across the batch. It has no params.
 */
export function minibatchStddevFeature(options: MinibatchStddevFeatureOptions): BatchFeature {
  return {
    kind: 'minibatch-stddev',
    width: 1,
    init: () => ({}),
    apply: (_params, features) => minibatchStddev(features, { epsilon: options.epsilon }),
  };
}
