import type { TableReport } from '@ganforge/metrics';
import { fmt } from './report-summary.js';

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function table(header: string[], rows: string[][]): string {
  const tr = (cells: string[], tag: string) =>
    `<tr>${cells.map((c) => `<${tag}>${escape(c)}</${tag}>`).join('')}</tr>`;
  return `<table>${tr(header, 'th')}${rows.map((r) => tr(r, 'td')).join('')}</table>`;
}

/**
 * The report as one self-contained HTML page: the headline lines, per-column and per-pair
 * tables, and the plot page embedded as a PNG data URL (no network, no scripts).
 */
export function reportHtml(title: string, summary: string[], report: TableReport, png: Buffer): string {
  const shapes = table(
    ['column', 'type', 'metric', 'score', 'missing real', 'missing synthetic'],
    report.columnShapes.columns.map((c) => [
      c.column,
      c.type,
      c.metric,
      fmt(c.score),
      fmt(c.missingReal),
      fmt(c.missingSynthetic),
    ]),
  );
  const pairs = table(
    ['columns', 'metric', 'score', 'real r / V', 'synthetic r / V', 'strong'],
    report.columnPairTrends.pairs.map((p) => [
      p.columns.join(' × '),
      p.metric,
      fmt(p.score),
      fmt(p.real),
      fmt(p.synthetic),
      p.strong ? 'yes' : '',
    ]),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}pre{background:#f6f6f6;padding:1em}img{max-width:100%}</style>
</head><body>
<h1>${escape(title)}</h1>
<pre>${escape(summary.join('\n'))}</pre>
<p>Definitions: docs/guides/tables.md, "The quality and privacy report" (SDMetrics' QualityReport scores, TSTR vs TRTR, distance to closest record).</p>
<img alt="association matrices and per-column distributions" src="data:image/png;base64,${png.toString('base64')}">
<h2>Column shapes</h2>${shapes}
<h2>Column pair trends</h2>${pairs}
</body></html>
`;
}
