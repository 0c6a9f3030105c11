import {
  binKeys,
  contingencySimilarity,
  correlationSimilarity,
  cramersV,
  equalWidthEdges,
  pearson,
} from './pair-scores.js';
import { finiteMean, type ColumnValues, type PreparedTable } from './table-schema.js';

/** SDMetrics' QualityReport default: a numeric pair is "strong" when |r_real| > 0.5. */
export const DEFAULT_CORRELATION_THRESHOLD = 0.5;
/** SDMetrics' QualityReport default: a contingency pair is "strong" when Cramér's V (real) > 0.3. */
export const DEFAULT_ASSOCIATION_THRESHOLD = 0.3;

/** Options of {@link columnPairTrends}. */
export interface ColumnPairTrendsOptions {
  /** Numeric pairs with |r_real| above this form the strong subset (default 0.5). */
  correlationThreshold?: number;
  /** Contingency pairs with Cramér's V (real) above this form the strong subset (default 0.3). */
  associationThreshold?: number;
  /** Equal-width bins of a numeric column in a mixed pair (default 10). */
  bins?: number;
}

/** One column pair's trend score. */
export interface ColumnPairTrend {
  readonly columns: readonly [string, string];
  readonly metric: 'CorrelationSimilarity' | 'ContingencySimilarity';
  /** The score in [0, 1] (NaN, null in JSON, where undefined: a constant column). */
  readonly score: number;
  /** Pearson r (CorrelationSimilarity) or Cramér's V (ContingencySimilarity) of the real rows. */
  readonly real: number;
  /** The same statistic of the synthetic rows (binned with the real rows' edges). */
  readonly synthetic: number;
  /** In the strong subset: |r_real| > correlationThreshold, or V_real > associationThreshold. */
  readonly strong: boolean;
}

/** SDMetrics' Column Pair Trends property, over all pairs and over the strong subset. */
export interface ColumnPairTrends {
  /** Mean of every pair's finite score. */
  readonly score: number;
  /** Mean over the strong pairs (SDMetrics' current default average); NaN when none is strong. */
  readonly strongScore: number;
  readonly strongPairs: number;
  readonly correlationThreshold: number;
  readonly associationThreshold: number;
  readonly bins: number;
  readonly pairs: readonly ColumnPairTrend[];
}

function discrete(column: ColumnValues, edges: Float64Array | undefined): readonly (string | null)[] {
  return column.kind === 'discrete' ? column.keys : binKeys(column.values, edges!);
}

/**
 * SDMetrics' QualityReport "Column Pair Trends" property
 * (`sdmetrics.reports.single_table._properties.ColumnPairTrends`) over every pair of columns:
 *
 * - two numeric columns (continuous, integer, datetime): CorrelationSimilarity,
 *   1 − |r_real − r_synth|/2 with Pearson r;
 * - otherwise ContingencySimilarity, 1 − TVD of the 2-D contingency tables, a numeric column of
 *   a mixed pair binned into `bins` equal-width bins over the real values with open outer bins
 *   (missing is a level of its own).
 *
 * `score` is the mean over all pairs; `strongScore` the mean over the pairs SDMetrics' current
 * QualityReport averages by default (sdmetrics ≥ 0.27: `real_correlation_threshold` 0.5,
 * `real_association_threshold` 0.3): numeric pairs with |r_real| > 0.5 and contingency pairs
 * (categorical and mixed) with Cramér's V of the real table > 0.3.
 *
 * One departure: SDMetrics' report bins each table's numeric column over that table's own range
 * (`np.histogram_bin_edges` per table), so a synthetic column shifted by a constant bins the same
 * as the real one and scores 1; here both tables use the real table's edges, as
 * `ContingencySimilarity(continuous_column_names=…)` itself does (`sdmetrics.utils.discretize_column`).
 */
export function columnPairTrends(
  real: PreparedTable,
  synthetic: PreparedTable,
  options: ColumnPairTrendsOptions = {},
): ColumnPairTrends {
  const correlationThreshold = options.correlationThreshold ?? DEFAULT_CORRELATION_THRESHOLD;
  const associationThreshold = options.associationThreshold ?? DEFAULT_ASSOCIATION_THRESHOLD;
  const bins = options.bins ?? 10;
  const edges = real.columns.map((c) => (c.kind === 'numeric' ? equalWidthEdges(c.values, bins) : undefined));
  const pairs: ColumnPairTrend[] = [];
  for (let i = 0; i < real.columns.length; i++) {
    for (let j = i + 1; j < real.columns.length; j++) {
      const [ra, rb, sa, sb] = [real.columns[i], real.columns[j], synthetic.columns[i], synthetic.columns[j]];
      const columns = [ra.name, rb.name] as const;
      if (ra.kind === 'numeric' && rb.kind === 'numeric') {
        const rReal = pearson(ra.values, rb.values);
        const rSynth = pearson((sa as typeof ra).values, (sb as typeof rb).values);
        pairs.push({
          columns,
          metric: 'CorrelationSimilarity',
          score: correlationSimilarity(rReal, rSynth),
          real: rReal,
          synthetic: rSynth,
          strong: Math.abs(rReal) > correlationThreshold,
        });
        continue;
      }
      const [ka, kb] = [discrete(ra, edges[i]), discrete(rb, edges[j])];
      const [qa, qb] = [discrete(sa, edges[i]), discrete(sb, edges[j])];
      const vReal = cramersV(ka, kb);
      pairs.push({
        columns,
        metric: 'ContingencySimilarity',
        score: contingencySimilarity(ka, kb, qa, qb),
        real: vReal,
        synthetic: cramersV(qa, qb),
        strong: vReal > associationThreshold,
      });
    }
  }
  const strong = pairs.filter((p) => p.strong);
  return {
    score: finiteMean(pairs.map((p) => p.score)),
    strongScore: finiteMean(strong.map((p) => p.score)),
    strongPairs: strong.length,
    correlationThreshold,
    associationThreshold,
    bins,
    pairs,
  };
}

/** Real and synthetic association matrices (Pearson r for numeric pairs, Cramér's V otherwise; 1 on the diagonal). */
export interface AssociationMatrices {
  readonly columns: readonly string[];
  readonly real: readonly (readonly number[])[];
  readonly synthetic: readonly (readonly number[])[];
}

/** The association matrices of {@link columnPairTrends}' pairs, for a side-by-side plot. */
export function associationMatrices(
  columns: readonly string[],
  trends: ColumnPairTrends,
): AssociationMatrices {
  const at = new Map(columns.map((c, i) => [c, i]));
  const square = () => columns.map((_, i) => columns.map((__, j) => (i === j ? 1 : Number.NaN)));
  const real = square();
  const synthetic = square();
  for (const p of trends.pairs) {
    const [i, j] = [at.get(p.columns[0])!, at.get(p.columns[1])!];
    real[i][j] = real[j][i] = p.real;
    synthetic[i][j] = synthetic[j][i] = p.synthetic;
  }
  return { columns, real, synthetic };
}
