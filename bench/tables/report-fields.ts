// The scores of one bench/tables result line, taken from @ganforge/metrics' tableReport: the
// fields bench/render/tables-markdown.ts reads (undefined numbers as null, as JSON writes NaN).
import type { TableReport } from '@ganforge/metrics';

/** A finite number to 6 decimals, else null. */
const num = (v: number | undefined): number | null =>
  v === undefined || !Number.isFinite(v) ? null : +v.toFixed(6);

/**
 * One line's scores from a {@link TableReport} (docs/guides/tables.md defines each):
 * `quality` = ½ (column shapes + pair trends over the strong pairs), SDMetrics' score;
 * `tstr_*` / `trtr_*` the decision tree's accuracy and macro-F1 on the holdout rows, trained on
 * the synthetic / the real training rows (null for a numeric target); DCR medians and exact-copy
 * shares of the synthetic and the holdout rows against the training rows; `missing_similarity`
 * the mean of 1 − |m_real − m_synth| over the columns with missing training cells (null when
 * none has any).
 */
export function reportFields(report: TableReport): Record<string, number | null> {
  const trends = report.columnPairTrends;
  const e = report.efficacy?.task === 'classification' ? report.efficacy : undefined;
  const missing = report.columnShapes.columns.filter((c) => c.missingReal > 0);
  const p = report.privacy;
  return {
    quality: num(report.score),
    quality_all_pairs: num(report.scoreAllPairs),
    column_shapes: num(report.columnShapes.score),
    pair_trends_all: num(trends.score),
    pair_trends_strong: num(trends.strongScore),
    pairs: trends.pairs.length,
    strong_pairs: trends.strongPairs,
    tstr_accuracy: num(e?.tstr.accuracy),
    tstr_macro_f1: num(e?.tstr.macroF1),
    trtr_accuracy: num(e?.trtr.accuracy),
    trtr_macro_f1: num(e?.trtr.macroF1),
    dcr_median_synthetic: num(p.synthetic.median),
    dcr_median_holdout: num(p.holdout?.median),
    exact_copies_synthetic: num(p.synthetic.exactCopies),
    exact_copies_holdout: num(p.holdout?.exactCopies),
    missing_similarity: missing.length
      ? num(missing.reduce((a, c) => a + c.missingSimilarity, 0) / missing.length)
      : null,
    report_seconds: num(Object.values(report.seconds).reduce((a, b) => a + b, 0)),
  };
}
