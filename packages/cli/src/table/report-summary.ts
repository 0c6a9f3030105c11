import type { TableReport } from '@ganforge/metrics';

/** A number for people: 3 decimals, `-` when undefined. */
export function fmt(v: number | undefined, digits = 3): string {
  return v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(digits);
}

function pct(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '-' : `${(100 * v).toFixed(1)} %`;
}

/**
 * The report's headline numbers as aligned text lines (what `ganforge report` prints): quality
 * (overall, column shapes, column pair trends over all pairs and over the strong pairs), ML
 * efficacy (TSTR beside TRTR) and privacy (synthetic beside holdout).
 */
export function reportSummaryLines(report: TableReport): string[] {
  const t = report.columnPairTrends;
  const rows: [string, string, string][] = [
    ['quality score (SDMetrics)', fmt(report.score), `all pairs: ${fmt(report.scoreAllPairs)}`],
    ['column shapes', fmt(report.columnShapes.score), `${report.columnShapes.columns.length} columns`],
    ['column pair trends, all pairs', fmt(t.score), `${t.pairs.length} pairs`],
    [
      'column pair trends, strong pairs',
      fmt(t.strongScore),
      `${t.strongPairs} pairs with |r| > ${t.correlationThreshold} or V > ${t.associationThreshold}`,
    ],
  ];
  const e = report.efficacy;
  if (e?.task === 'classification') {
    rows.push([
      `ML efficacy (${e.target}): accuracy`,
      `${fmt(e.tstr.accuracy)}`,
      `TRTR ${fmt(e.trtr.accuracy)}`,
    ]);
    rows.push([
      `ML efficacy (${e.target}): macro-F1`,
      `${fmt(e.tstr.macroF1)}`,
      `TRTR ${fmt(e.trtr.macroF1)}`,
    ]);
  } else if (e?.task === 'regression') {
    rows.push([`ML efficacy (${e.target}): R²`, fmt(e.tstr.r2), `TRTR ${fmt(e.trtr.r2)}`]);
  }
  const p = report.privacy;
  rows.push([
    'median DCR to training rows',
    fmt(p.synthetic.median, 4),
    `holdout ${fmt(p.holdout?.median, 4)}`,
  ]);
  rows.push([
    'exact copies of training rows',
    pct(p.synthetic.exactCopies),
    `holdout ${pct(p.holdout?.exactCopies)}`,
  ]);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const header = `${''.padEnd(w0)}  ${'synthetic'.padStart(Math.max(w1, 9))}  reference`;
  return [header, ...rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padStart(Math.max(w1, 9))}  ${c}`)];
}
