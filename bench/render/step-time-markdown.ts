// The stabilizers' cost section of docs/benchmarks.md, from bench/results/stabilizers/*.jsonl
// (rows written by bench/stabilizers/step-time.ts): milliseconds per training step (median over
// interleaved rounds) and the ratio to the plain DCGAN of the same round (median of the ratios).
import { table } from './format.js';
import { loadJsonlRows } from './mnist-markdown.js';

/** One row of bench/stabilizers/step-time.ts. */
export interface StepTimeRow {
  bench: string;
  date: string;
  backend: string;
  config: string;
  row: string;
  rounds: number;
  steps: number;
  ms_per_step: number;
  ratio_to_dcgan: number;
}

/** The rows of bench/stabilizers/step-time.ts in `dir`; none when `dir` is absent. */
export function loadStepTimeRows(dir: string): StepTimeRow[] {
  return loadJsonlRows<StepTimeRow>(dir);
}

/**
 * The section's Markdown: one table per (backend, config, date) measurement, rows in the order
 * written; the last line of a (measurement, row) wins, so a re-run replaces.
 */
export function renderStepTimeSection(rows: readonly StepTimeRow[]): string {
  if (rows.length === 0) return '\n(no rows yet: run `bench/stabilizers/step-time.ts`)\n\n';
  const groups = new Map<string, Map<string, StepTimeRow>>();
  for (const r of rows) {
    const key = `${r.backend}|${r.config}|${r.date}`;
    const m = groups.get(key) ?? new Map<string, StepTimeRow>();
    m.set(r.row, r);
    groups.set(key, m);
  }
  const parts: string[] = [];
  for (const m of groups.values()) {
    const list = [...m.values()];
    const first = list[0]!;
    parts.push(
      `${first.config} on ${first.backend}, ${first.date}: median of ${first.rounds} interleaved rounds of ${first.steps} steps.\n\n` +
        table(
          ['run', 'ms per step', '× plain DCGAN'],
          list.map((r) => [r.row, r.ms_per_step.toFixed(1), `${r.ratio_to_dcgan.toFixed(2)}×`]),
        ),
    );
  }
  return `\n${parts.join('\n\n')}\n\n`;
}
