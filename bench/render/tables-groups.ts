// Groups bench/tables' lines into the docs' table rows: the seeds of one (table, row, steps,
// backend), each score as mean ± sample sd over the seeds that have it.
import { meanSd, type Stat } from './stats.js';
import { TABLE_REFERENCE_SCORES, TABLE_SCORES, type TablesLine } from './tables-load.js';

type Score = (typeof TABLE_SCORES)[number] | (typeof TABLE_REFERENCE_SCORES)[number];

/** One row of a data set's table. */
export interface TableGroup {
  table: string;
  row: string;
  steps: number;
  backend: string;
  /** The lines, by seed (the holdout row's one line has seed null). */
  lines: TablesLine[];
  /** The latest date of the lines. */
  date: string;
  /** Each score over the lines where it is not null. */
  stats: Record<Score, Stat>;
}

/** Rows in the order bench/tables runs them; others after them by name. */
export const ROW_ORDER = ['ctgan', 'copula', 'mlp', 'marginals', 'holdout'];
/** Tables in the order bench/tables runs them; others after them by name. */
export const TABLE_ORDER = ['penguins', 'weather', 'accounts'];

const rank = (order: readonly string[], value: string) => {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
};

/** `order`'s order, unknown values after the known ones by name. */
export const byOrder = (order: readonly string[]) => (a: string, b: string) =>
  rank(order, a) - rank(order, b) || a.localeCompare(b);

/** Table order: table, row, backend, steps. */
function compareGroups(a: TableGroup, b: TableGroup): number {
  return (
    byOrder(TABLE_ORDER)(a.table, b.table) ||
    byOrder(ROW_ORDER)(a.row, b.row) ||
    a.backend.localeCompare(b.backend) ||
    a.steps - b.steps
  );
}

/** The groups of `lines`, in table order. */
export function groupTablesLines(lines: readonly TablesLine[]): TableGroup[] {
  const byKey = new Map<string, TablesLine[]>();
  for (const l of lines) {
    const key = JSON.stringify([l.table, l.row, l.steps, l.backend]);
    byKey.set(key, [...(byKey.get(key) ?? []), l]);
  }
  return [...byKey.values()]
    .map((members): TableGroup => {
      const sorted = [...members].sort((a, b) => (a.seed ?? 0) - (b.seed ?? 0));
      const first = sorted[0];
      const stat = (f: Score) => meanSd(sorted.flatMap((l) => (l[f] === null ? [] : [l[f]])));
      return {
        table: first.table,
        row: first.row,
        steps: first.steps,
        backend: first.backend,
        lines: sorted,
        date: sorted.map((l) => l.date).reduce((a, b) => (b > a ? b : a)),
        stats: Object.fromEntries(
          [...TABLE_SCORES, ...TABLE_REFERENCE_SCORES].map((f) => [f, stat(f)]),
        ) as TableGroup['stats'],
      };
    })
    .sort(compareGroups);
}

/**
 * The group of `row` that the goals use, among `groups` of one table and backend: the latest
 * date, then the most seeds, then the most steps; undefined when the row has none.
 */
export function currentGroup(groups: readonly TableGroup[], row: string): TableGroup | undefined {
  return groups
    .filter((g) => g.row === row)
    .sort((a, b) => b.date.localeCompare(a.date) || b.lines.length - a.lines.length || b.steps - a.steps)[0];
}
