// Reads bench/tables' committed results: one line per (table, row, seed) in every *.jsonl file of a
// folder, checked field by field; a later line of the same run replaces an earlier one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The scores of a line that the docs' table shows, in column order (null: undefined for that line). */
export const TABLE_SCORES = [
  'quality',
  'column_shapes',
  'pair_trends_all',
  'pair_trends_strong',
  'tstr_accuracy',
  'tstr_macro_f1',
  'dcr_median_synthetic',
  'exact_copies_synthetic',
  'missing_similarity',
  'fit_seconds',
  'sample_seconds',
] as const;
/** Scores that are the same for every row of a table (the real rows' own), shown once per table. */
export const TABLE_REFERENCE_SCORES = [
  'trtr_accuracy',
  'trtr_macro_f1',
  'dcr_median_holdout',
  'exact_copies_holdout',
] as const;

type Score = (typeof TABLE_SCORES)[number] | (typeof TABLE_REFERENCE_SCORES)[number];

/** One line of bench/tables/main.ts. */
export type TablesLine = {
  bench: string;
  date: string;
  backend: string;
  table: string;
  row: string;
  /** Null for the holdout row (no training seed). */
  seed: number | null;
  steps: number;
  train_rows: number;
  holdout_rows: number;
  target: string;
} & Record<Score, number | null>;

const STRING_FIELDS = ['date', 'backend', 'table', 'row', 'target'] as const;
const NUMBER_FIELDS = ['steps', 'train_rows', 'holdout_rows'] as const;

/** The line `value`, or what is wrong with it. */
function asLine(value: Record<string, unknown>): TablesLine | string {
  for (const f of STRING_FIELDS) if (typeof value[f] !== 'string') return `'${f}' is not a string`;
  for (const f of NUMBER_FIELDS) if (typeof value[f] !== 'number') return `'${f}' is not a number`;
  if (value.seed !== null && typeof value.seed !== 'number') return `'seed' is neither a number nor null`;
  for (const f of [...TABLE_SCORES, ...TABLE_REFERENCE_SCORES]) {
    if (value[f] !== null && typeof value[f] !== 'number') return `'${f}' is neither a number nor null`;
  }
  return value as unknown as TablesLine;
}

/** What makes two lines the same run. */
const runKey = (l: TablesLine) => JSON.stringify([l.table, l.row, l.steps, l.backend, l.seed]);

/**
 * The `bench: 'tables'` lines of the *.jsonl files in `dir` (files by name, lines in order), a
 * later line of the same (table, row, steps, backend, seed) replacing an earlier one; none when
 * `dir` does not exist. A malformed line is an error naming file, line and field.
 */
export function loadTablesLines(dir: string): TablesLine[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort();
  } catch {
    return [];
  }
  const byKey = new Map<string, TablesLine>();
  for (const file of files) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        if (raw.trim() === '') return;
        const where = `${join(dir, file)}:${i + 1}`;
        let value: Record<string, unknown>;
        try {
          value = JSON.parse(raw) as Record<string, unknown>;
        } catch (e) {
          throw new Error(`${where}: not JSON (${(e as Error).message})`, { cause: e });
        }
        if (value.bench !== 'tables') return;
        const line = asLine(value);
        if (typeof line === 'string') throw new Error(`${where}: not a bench/tables line: ${line}`);
        byKey.set(runKey(line), line);
      });
  }
  return [...byKey.values()];
}
