import {
  associationMatrices,
  columnPairTrends,
  type AssociationMatrices,
  type ColumnPairTrends,
  type ColumnPairTrendsOptions,
} from './column-pair-trends.js';
import { columnShapes, type ColumnShapes } from './column-shapes.js';
import { mlEfficacy, type MlEfficacy } from './efficacy/ml-efficacy.js';
import { dcrPrivacy, type DcrPrivacy } from './privacy/dcr-privacy.js';
import {
  checkSchema,
  finiteMean,
  prepareTable,
  type TableColumnSpec,
  type TableRecord,
} from './table-schema.js';

/** The three tables a report compares, in the user's units (e.g. `TableCodec.decode` output). */
export interface TableReportInput {
  readonly columns: readonly TableColumnSpec[];
  /** The real rows the generator was trained on. */
  readonly real: readonly TableRecord[];
  readonly synthetic: readonly TableRecord[];
  /** Real rows the generator never saw: the baseline of ML efficacy and privacy (optional). */
  readonly holdout?: readonly TableRecord[];
}

/** The stages of a report, in order, for progress. */
export type TableReportStage = 'column-shapes' | 'column-pair-trends' | 'ml-efficacy' | 'privacy';

/** Options of {@link tableReport}. */
export interface TableReportOptions extends ColumnPairTrendsOptions {
  /** Column that ML efficacy predicts (default: the last categorical or boolean column, else the last). */
  target?: string;
  /** The efficacy tree's depth at most (default 30). */
  maxDepth?: number;
  /** Called when a stage starts (done 0) and, for privacy, after each chunk of rows. */
  onProgress?: (stage: TableReportStage, done: number, total: number) => void;
}

/** A quality and privacy report of synthetic rows (numbers that are undefined are NaN; JSON writes null). */
export interface TableReport {
  readonly rows: { readonly real: number; readonly synthetic: number; readonly holdout: number };
  /** SDMetrics' overall quality score: the mean of column shapes and column pair trends (strong pairs). */
  readonly score: number;
  /** The same mean with column pair trends over all pairs. */
  readonly scoreAllPairs: number;
  readonly columnShapes: ColumnShapes;
  readonly columnPairTrends: ColumnPairTrends;
  /** Real and synthetic association matrices (Pearson r / Cramér's V), for plots. */
  readonly association: AssociationMatrices;
  /** TSTR vs TRTR (absent without holdout rows). */
  readonly efficacy?: MlEfficacy;
  readonly privacy: DcrPrivacy;
  /** Seconds per stage. */
  readonly seconds: Readonly<Record<TableReportStage, number>>;
}

/**
 * A synthetic table's quality and privacy report, from three in-memory tables (no CLI needed;
 * `ganforge report` writes it with plots):
 *
 * - quality as SDMetrics' QualityReport: {@link columnShapes} (KSComplement / TVComplement per
 *   column) and {@link columnPairTrends} (CorrelationSimilarity / ContingencySimilarity per
 *   pair, over all pairs and over the strong pairs); `score` = ½ (shapes + strong pair trends),
 *   falling back to all pairs when no pair is strong;
 * - {@link mlEfficacy}: TSTR vs TRTR on the holdout rows;
 * - {@link dcrPrivacy}: distance to closest record of synthetic and holdout rows to the training rows.
 *
 * Every table is checked against `columns` first: a DataError names the table (`real`,
 * `synthetic`, `holdout`), the row index and the column of a bad cell.
 */
export function tableReport(input: TableReportInput, options: TableReportOptions = {}): TableReport {
  checkSchema(input.columns);
  const real = prepareTable(input.columns, input.real, 'real');
  const synthetic = prepareTable(input.columns, input.synthetic, 'synthetic');
  const holdout = input.holdout ? prepareTable(input.columns, input.holdout, 'holdout') : undefined;
  const seconds = { 'column-shapes': 0, 'column-pair-trends': 0, 'ml-efficacy': 0, privacy: 0 };
  const timed = <T>(stage: TableReportStage, total: number, f: () => T): T => {
    options.onProgress?.(stage, 0, total);
    const started = performance.now();
    try {
      return f();
    } finally {
      seconds[stage] = (performance.now() - started) / 1000;
    }
  };
  const shapes = timed('column-shapes', input.columns.length, () => columnShapes(real, synthetic));
  const pairCount = (input.columns.length * (input.columns.length - 1)) / 2;
  const trends = timed('column-pair-trends', pairCount, () => columnPairTrends(real, synthetic, options));
  const efficacy = holdout
    ? timed('ml-efficacy', 2, () =>
        mlEfficacy(real, synthetic, holdout, { target: options.target, maxDepth: options.maxDepth }),
      )
    : undefined;
  const privacyRows = synthetic.rows + (holdout?.rows ?? 0);
  const privacy = timed('privacy', privacyRows, () =>
    dcrPrivacy(real, synthetic, holdout, {
      onProgress: (done, total) => options.onProgress?.('privacy', done, total),
    }),
  );
  const trendScore = Number.isNaN(trends.strongScore) ? trends.score : trends.strongScore;
  return {
    rows: { real: real.rows, synthetic: synthetic.rows, holdout: holdout?.rows ?? 0 },
    score: finiteMean([shapes.score, trendScore]),
    scoreAllPairs: finiteMean([shapes.score, trends.score]),
    columnShapes: shapes,
    columnPairTrends: trends,
    association: associationMatrices(
      input.columns.map((c) => c.name),
      trends,
    ),
    ...(efficacy ? { efficacy } : {}),
    privacy,
    seconds,
  };
}
