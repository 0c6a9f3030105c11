import { join } from 'node:path';
import { readSummary } from './job-state.js';
import type { SweepManifest } from './manifest.js';
import type { FieldValue } from './sweep-schema.js';

/** One run of a sweep as the report sees it. */
export interface ReportRun {
  id: string;
  fields: Record<string, FieldValue>;
  seed: number;
  /** `completed`, `interrupted`, or `missing` (no summary.json yet). */
  status: string;
  /** The step the last training session started from (> 0 after a resume). */
  startStep?: number;
  /**
   * Final losses and accuracies (`g_loss`, `d_loss`, …), final metrics, and for mixtures without
   * a mode-coverage metric the end-of-run coverage (`coverage_modes`, `coverage_high_quality`,
   * `coverage_reverse_kl`), by name; values that are not finite are left out.
   */
  values: Record<string, number>;
}

/** Mean and sample standard deviation of one column over a setting's seeds. */
export interface ColumnStats {
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single run. */
  sd: number;
  n: number;
}

/** One setting of the swept fields, aggregated over its seeds (completed runs only). */
export interface ReportGroup {
  fields: Record<string, FieldValue>;
  seeds: number[];
  stats: Record<string, ColumnStats>;
}

/** The runs of a sweep folder, read from `sweep.json` and each run's `summary.json`. */
export function collectRuns(dir: string, manifest: SweepManifest): ReportRun[] {
  return manifest.jobs.map((job) => {
    const s = readSummary(join(dir, job.id)) as
      | {
          status?: string;
          startStep?: number;
          final?: Record<string, number>;
          metrics?: Record<string, number>;
          coverage?: { modes: number; highQuality: number; reverseKl: number };
        }
      | undefined;
    // Mixture runs report coverage at the end even when the config computes no metric.
    const coverage =
      s?.coverage && s.metrics?.mode_coverage_modes === undefined
        ? {
            coverage_modes: s.coverage.modes,
            coverage_high_quality: s.coverage.highQuality,
            coverage_reverse_kl: s.coverage.reverseKl,
          }
        : {};
    const values = Object.fromEntries(
      Object.entries({ ...s?.final, ...s?.metrics, ...coverage }).filter(
        ([, v]) => typeof v === 'number' && Number.isFinite(v),
      ),
    );
    return {
      id: job.id,
      fields: job.fields,
      seed: job.seed,
      status: s?.status ?? 'missing',
      startStep: s?.startStep,
      values,
    };
  });
}

/** Mean and sample standard deviation. */
export function meanSd(xs: number[]): ColumnStats {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd, n };
}

/** The value columns of the runs, in first-seen order. */
export function reportColumns(runs: ReportRun[]): string[] {
  return [...new Set(runs.flatMap((r) => Object.keys(r.values)))];
}

/** Groups completed runs by their swept values (every seed of a setting together). */
export function aggregateRuns(runs: ReportRun[]): ReportGroup[] {
  const groups = new Map<string, { fields: ReportRun['fields']; runs: ReportRun[] }>();
  for (const run of runs.filter((r) => r.status === 'completed')) {
    const key = JSON.stringify(Object.entries(run.fields).sort(([a], [b]) => (a < b ? -1 : 1)));
    const g = groups.get(key) ?? { fields: run.fields, runs: [] };
    g.runs.push(run);
    groups.set(key, g);
  }
  const columns = reportColumns(runs);
  return [...groups.values()].map((g) => ({
    fields: g.fields,
    seeds: g.runs.map((r) => r.seed),
    stats: Object.fromEntries(
      columns
        .map((c) => [c, g.runs.map((r) => r.values[c]).filter((v) => v !== undefined)] as const)
        .filter(([, xs]) => xs.length > 0)
        .map(([c, xs]) => [c, meanSd(xs)]),
    ),
  }));
}

/** `0.123 ± 0.004` with four significant digits. */
export function formatStat(s: ColumnStats | undefined): string {
  if (!s) return '-';
  const f = (x: number) => String(Number(x.toPrecision(4)));
  return s.n > 1 ? `${f(s.mean)} ± ${f(s.sd)}` : f(s.mean);
}

/** The label of a setting: `lr=0.001 loss.kind=hinge` (`(base)` when nothing is swept). */
export function settingLabel(fields: Record<string, FieldValue>): string {
  const parts = Object.entries(fields).map(([k, v]) => `${k}=${String(v)}`);
  return parts.length > 0 ? parts.join(' ') : '(base)';
}

/** A plain-text table: one row per setting, a column per swept field, n and each value column. */
export function formatReportTable(fieldPaths: string[], groups: ReportGroup[], columns: string[]): string {
  const header = [...fieldPaths, 'n', ...columns];
  const rows = groups.map((g) => [
    ...fieldPaths.map((p) => String(g.fields[p] ?? '')),
    String(g.seeds.length),
    ...columns.map((c) => formatStat(g.stats[c])),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function csvCell(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `report.csv`: one row per setting, the swept fields, n, seeds and `<column>_mean`, `<column>_sd`. */
export function reportCsv(fieldPaths: string[], groups: ReportGroup[], columns: string[]): string {
  const header = [...fieldPaths, 'n', 'seeds', ...columns.flatMap((c) => [`${c}_mean`, `${c}_sd`])];
  const rows = groups.map((g) => [
    ...fieldPaths.map((p) => g.fields[p]),
    g.seeds.length,
    g.seeds.join(' '),
    ...columns.flatMap((c) => [g.stats[c]?.mean, g.stats[c]?.sd]),
  ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
