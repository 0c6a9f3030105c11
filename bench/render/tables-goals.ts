// Issue #40's goals for our tabular GAN (the `ctgan` row) on one table, computed from the means
// over seeds: quality ≥ the copula's, TSTR ≥ the best other row's, median DCR ≥ the holdout's.
import { currentGroup, type TableGroup } from './tables-groups.js';

/** One goal: our mean against the bar, and whether it is met. */
export interface GoalCheck {
  /** What is compared, e.g. `quality ≥ the copula's`. */
  goal: string;
  /** Our mean; undefined when our row or the bar has no value. */
  ours?: number;
  bar?: number;
  /** Whose value the bar is (`copula`, `mlp`, `holdout rows`). */
  barRow?: string;
  met?: boolean;
  digits: number;
}

/** The row whose mean TSTR macro-F1 is highest among the rows other than ours and the holdout. */
function bestOther(groups: readonly TableGroup[], ours: string): TableGroup | undefined {
  const rows = [...new Set(groups.map((g) => g.row))].filter((r) => r !== ours && r !== 'holdout');
  return rows
    .map((r) => currentGroup(groups, r)!)
    .filter((g) => g.stats.tstr_macro_f1.n > 0)
    .sort((a, b) => b.stats.tstr_macro_f1.mean - a.stats.tstr_macro_f1.mean)[0];
}

const mean = (g: TableGroup | undefined, f: keyof TableGroup['stats']) =>
  g && g.stats[f].n > 0 ? g.stats[f].mean : undefined;

function check(
  goal: string,
  ours: number | undefined,
  bar: number | undefined,
  barRow: string | undefined,
  digits: number,
): GoalCheck {
  const known = ours !== undefined && bar !== undefined;
  return { goal, ours, bar, barRow, digits, ...(known ? { met: ours >= bar } : {}) };
}

/**
 * The three goals on `groups` (one table, one backend) for row `ours` (default `ctgan`):
 * 1. quality (SDMetrics' score, ½ (column shapes + pair trends over the strong pairs)) ≥ the
 *    copula row's; 2. TSTR macro-F1 ≥ that of the best other row (copula, mlp, marginals, …: not
 *    the holdout, whose rows are the test rows); 3. median DCR of the synthetic rows ≥ the
 *    holdout rows' median DCR (to the same training rows). Means over seeds; each row's group is
 *    {@link currentGroup}'s.
 */
export function tableGoals(groups: readonly TableGroup[], ours = 'ctgan'): GoalCheck[] {
  const g = currentGroup(groups, ours);
  const copula = currentGroup(groups, 'copula');
  const other = bestOther(groups, ours);
  return [
    check("quality ≥ the copula's", mean(g, 'quality'), mean(copula, 'quality'), 'copula', 3),
    check(
      "TSTR macro-F1 ≥ the best other row's",
      mean(g, 'tstr_macro_f1'),
      mean(other, 'tstr_macro_f1'),
      other?.row,
      3,
    ),
    check(
      "median DCR ≥ the holdout's",
      mean(g, 'dcr_median_synthetic'),
      mean(g, 'dcr_median_holdout'),
      'holdout rows',
      4,
    ),
  ];
}

/**
 * A goal as text: `quality ≥ the copula's: 0.812 vs 0.868 (copula): **missed** by 0.056 (6.5 %
 * below)`, `… **met** (+0.012)`, or `… – (no copula rows)`.
 */
export function formatGoal(c: GoalCheck): string {
  if (c.ours === undefined) return `${c.goal}: – (no value for our row)`;
  if (c.bar === undefined) return `${c.goal}: – (no ${c.barRow ?? 'other'} rows)`;
  const d = c.digits;
  const head = `${c.goal}: ${c.ours.toFixed(d)} vs ${c.bar.toFixed(d)} (${c.barRow})`;
  const gap = c.ours - c.bar;
  if (c.met) return `${head}: **met** (+${gap.toFixed(d)})`;
  const rel = c.bar !== 0 ? ` (${((100 * -gap) / Math.abs(c.bar)).toFixed(1)} % below)` : '';
  return `${head}: **missed** by ${(-gap).toFixed(d)}${rel}`;
}
