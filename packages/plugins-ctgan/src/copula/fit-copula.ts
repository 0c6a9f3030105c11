import { ConfigError } from '@ganforge/core';
import { positiveDefiniteCholesky, pearsonCorrelation } from './correlation.js';
import { intervalBounds, intervalOrder, midRankUniforms, quantileKnots } from './marginals.js';
import { normalQuantile } from './normal.js';

/** One column of the table as the copula is fitted to it. */
export type CopulaInput =
  | {
      kind: 'numeric';
      column: string;
      /** The column's values, NaN where missing. */
      values: ArrayLike<number>;
      /**
       * Sample only observed values (a step CDF over the distinct values) instead of
       * interpolating between them: for columns whose every value is a point mass.
       */
      discrete: boolean;
    }
  | {
      kind: 'category';
      column: string;
      /** The slot (category index) of each row. */
      slots: ArrayLike<number>;
      /** Number of slots. */
      count: number;
    };

/**
 * The marginal of one copula dimension: `quantile`, an empirical quantile function through knots
 * q_j at p_j = (j − ½)/m; `levels`, a step CDF over sorted numeric levels with their
 * probabilities; `category`, slot probabilities whose intervals tile [0, 1] by descending
 * probability (see `intervalOrder`).
 */
export type CopulaMarginal =
  | { kind: 'quantile'; knots: Float64Array }
  | { kind: 'levels'; levels: Float64Array; probabilities: Float64Array }
  | { kind: 'category'; probabilities: Float64Array };

/**
 * One dimension of the copula: the values of a column (`value`) or, for a numeric column with
 * missing cells, whether a cell is missing (`missing`: a category with slots [observed, missing]).
 */
export interface CopulaDimension {
  readonly column: string;
  readonly role: 'value' | 'missing';
  readonly marginal: CopulaMarginal;
}

/** A fitted Gaussian copula: its dimensions and the correlation of their normal scores. */
export interface GaussianCopulaModel {
  readonly dimensions: readonly CopulaDimension[];
  /** R, k × k row-major (after the positive-definite repair, if one was needed). */
  readonly correlation: Float64Array;
  /** L, lower triangular k × k row-major, L·Lᵀ = R. */
  readonly cholesky: Float64Array;
  /** The jitter δ added to make R positive definite (0: none was needed). */
  readonly jitter: number;
}

/** Options of {@link fitGaussianCopula}. */
export interface FitCopulaOptions {
  /** Knots of each `quantile` marginal at most (default 1000). */
  quantiles?: number;
}

function frequencies(slots: ArrayLike<number>, count: number): Float64Array {
  const p = new Float64Array(count);
  for (let i = 0; i < slots.length; i++) p[slots[i]] += 1;
  return p.map((c) => c / slots.length);
}

/** The uniforms of rows in slots: the midpoint of each slot's interval. */
function intervalMidpoints(
  slots: ArrayLike<number>,
  probabilities: Float64Array,
  byValue: boolean,
): Float64Array {
  const { lower, upper } = intervalBounds(probabilities, intervalOrder(probabilities, byValue));
  return Float64Array.from({ length: slots.length }, (_, i) => (lower[slots[i]] + upper[slots[i]]) / 2);
}

/** Dimensions and row uniforms of one column. */
function fitColumn(
  input: CopulaInput,
  quantiles: number,
): { dimension: CopulaDimension; uniforms: Float64Array }[] {
  if (input.kind === 'category') {
    const probabilities = frequencies(input.slots, input.count);
    const uniforms = intervalMidpoints(input.slots, probabilities, false);
    return [
      {
        dimension: { column: input.column, role: 'value', marginal: { kind: 'category', probabilities } },
        uniforms,
      },
    ];
  }
  const n = input.values.length;
  const missing = Int32Array.from({ length: n }, (_, i) => (Number.isNaN(input.values[i]) ? 1 : 0));
  const observed = Array.from(input.values)
    .filter((v) => !Number.isNaN(v))
    .sort((a, b) => a - b);
  const out: { dimension: CopulaDimension; uniforms: Float64Array }[] = [];
  if (observed.length > 0) {
    let marginal: CopulaMarginal;
    if (input.discrete) {
      const levels = [...new Set(observed)];
      const counts = levels.map((level) => observed.filter((v) => v === level).length);
      marginal = {
        kind: 'levels',
        levels: Float64Array.from(levels),
        probabilities: Float64Array.from(counts, (c) => c / observed.length),
      };
    } else marginal = { kind: 'quantile', knots: quantileKnots(observed, quantiles) };
    // Mid-rank uniforms equal the level intervals' midpoints; a missing cell's value gets the
    // median's normal score 0 (as RDT imputes the mean), so it adds nothing to R.
    const uniforms = midRankUniforms(input.values).map((u) => (Number.isNaN(u) ? 0.5 : u));
    out.push({ dimension: { column: input.column, role: 'value', marginal }, uniforms });
  }
  if (observed.length < n) {
    const probabilities = frequencies(missing, 2);
    out.push({
      dimension: { column: input.column, role: 'missing', marginal: { kind: 'category', probabilities } },
      uniforms: intervalMidpoints(missing, probabilities, false),
    });
  }
  return out;
}

/**
 * Fits a Gaussian copula to the rows of a table in one pass (Patki, Wedge & Veeramachaneni 2016,
 * "The Synthetic Data Vault", doi:10.1109/DSAA.2016.49; SDV's GaussianCopulaSynthesizer):
 *
 * 1. Each column j gets a marginal F_j and each row i a uniform u_ij = F_j(x_ij): numeric columns
 *    the empirical CDF with mid-ranks, u = (r̄ − ½)/n (SDV's default fits a parametric `beta`
 *    distribution instead); categorical and boolean columns the midpoint of their category's
 *    interval, where categories tile [0, 1] by descending frequency, each as wide as its
 *    frequency (SDV draws u inside the interval; the midpoint is deterministic and attenuates
 *    correlations less). Missing cells of a numeric column become a dimension of their own,
 *    [observed, missing], and the value dimension scores them 0 (RDT's
 *    `missing_value_generation='from_column'` with mean imputation); a categorical column's
 *    missing cells are a category.
 * 2. Normal scores s_ij = Φ⁻¹(u_ij).
 * 3. R = the Pearson correlation of the scores, repaired to be positive definite if it is not
 *    (`positiveDefiniteCholesky`), and its Cholesky factor L.
 *
 * Sampling (`sampleGaussianCopula`) inverts it: y = L·z with z ~ N(0, I), u = Φ(y),
 * x_j = F_j⁻¹(u_j).
 */
export function fitGaussianCopula(
  inputs: readonly CopulaInput[],
  options: FitCopulaOptions = {},
): GaussianCopulaModel {
  const quantiles = options.quantiles ?? 1000;
  const lengths = inputs.map((c) => (c.kind === 'category' ? c.slots.length : c.values.length));
  if (lengths.length === 0 || lengths[0] === 0)
    throw new ConfigError('the Gaussian copula needs at least one row and one column', 'data');
  const uneven = lengths.findIndex((l) => l !== lengths[0]);
  if (uneven >= 0)
    throw new ConfigError(
      `the Gaussian copula needs columns of equal length: '${inputs[uneven].column}' has ${lengths[uneven]} rows, '${inputs[0].column}' ${lengths[0]}`,
      'data',
    );
  const fitted = inputs.flatMap((input) => fitColumn(input, quantiles));
  const scores = fitted.map((f) => f.uniforms.map(normalQuantile));
  const k = fitted.length;
  const { cholesky, correlation, jitter } = positiveDefiniteCholesky(pearsonCorrelation(scores), k);
  return { dimensions: fitted.map((f) => f.dimension), correlation, cholesky, jitter };
}
