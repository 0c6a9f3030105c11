// The tables section of docs/benchmarks.md, from bench/results/tables/*.jsonl (lines written by
// bench/tables/main.ts): per data set, one row per synthesizer with every score as mean ± sd over
// seeds and the wall time, the real rows' own scores, and issue #40's goals computed as met or missed.
import { formatStat, int, table } from './format.js';
import type { Stat } from './stats.js';
import { formatGoal, tableGoals } from './tables-goals.js';
import { byOrder, currentGroup, groupTablesLines, TABLE_ORDER, type TableGroup } from './tables-groups.js';
import type { TABLE_REFERENCE_SCORES, TablesLine } from './tables-load.js';

/** How each row is named in the table. */
const ROW_NAMES: Record<string, string> = {
  ctgan: 'CTGAN (`preset: ctgan`)',
  copula: 'Gaussian copula (`preset: gaussian-copula`)',
  mlp: 'plain MLP GAN (`table-*.yaml`)',
  marginals: 'independent marginals',
  holdout: 'holdout rows (real)',
};

/** `s` scaled by `k` (e.g. 100 for a share in %), mean ± sd. */
const scaled = (s: Stat, k: number): Stat => ({ mean: k * s.mean, sd: k * s.sd, n: s.n });

/** The distinct values of `values`, joined. */
const distinct = (values: readonly (string | number)[]) =>
  [...new Set(values.map((v) => (typeof v === 'number' ? int(v) : v)))].join(', ');

/**
 * A score that every line of a table shares (the real rows' own: the same split in every run), ×
 * `k`: its value, or its range when lines disagree (a table measured on two splits); – for none.
 */
function reference(
  lines: readonly TablesLine[],
  field: (typeof TABLE_REFERENCE_SCORES)[number],
  digits: number,
  k = 1,
): string {
  const values = lines.flatMap((l) => (l[field] === null ? [] : [k * l[field]]));
  if (values.length === 0) return '–';
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  return lo.toFixed(digits) === hi.toFixed(digits)
    ? lo.toFixed(digits)
    : `${lo.toFixed(digits)}–${hi.toFixed(digits)}`;
}

/** The seeds of a group: their count, listed unless they are 1…n; – for the holdout row. */
function formatSeeds(g: TableGroup): string {
  const seeds = g.lines.flatMap((l) => (l.seed === null ? [] : [l.seed]));
  if (seeds.length === 0) return '–';
  return seeds.every((s, i) => s === i + 1) ? String(seeds.length) : `${seeds.length} (${seeds.join(', ')})`;
}

function groupRow(g: TableGroup): string[] {
  const s = g.stats;
  return [
    ROW_NAMES[g.row] ?? g.row,
    g.row === 'holdout' || g.row === 'marginals' ? '–' : int(g.steps),
    formatSeeds(g),
    formatStat(s.quality, 3),
    formatStat(s.column_shapes, 3),
    formatStat(s.pair_trends_all, 3),
    formatStat(s.pair_trends_strong, 3),
    formatStat(s.tstr_accuracy, 3),
    formatStat(s.tstr_macro_f1, 3),
    formatStat(s.dcr_median_synthetic, 4),
    formatStat(scaled(s.exact_copies_synthetic, 100), 1),
    formatStat(s.missing_similarity, 3),
    formatStat(s.fit_seconds, 1),
    formatStat(s.sample_seconds, 2),
  ];
}

const HEADER = [
  'row',
  'steps',
  'seeds',
  'quality ↑',
  'column shapes ↑',
  'pair trends, all ↑',
  'pair trends, strong ↑',
  'TSTR accuracy ↑',
  'TSTR macro-F1 ↑',
  'median DCR',
  'exact copies %',
  'missing similarity ↑',
  'fit s',
  'sample s',
];

/** One data set on one backend: caption, table, the real rows' own scores, the goals. */
function renderTable(groups: readonly TableGroup[]): string {
  const lines = groups.flatMap((g) => g.lines);
  const first = lines[0];
  const caption =
    `**${first.table}** (target \`${distinct(lines.map((l) => l.target))}\`; ` +
    `${distinct(lines.map((l) => l.train_rows))} training and ${distinct(lines.map((l) => l.holdout_rows))} ` +
    `holdout rows; ${first.backend}; measured ${distinct([...lines.map((l) => l.date)].sort())}). ` +
    `The real rows' own scores: TRTR accuracy ${reference(lines, 'trtr_accuracy', 3)}, ` +
    `macro-F1 ${reference(lines, 'trtr_macro_f1', 3)}; median DCR of the holdout rows ` +
    `${reference(lines, 'dcr_median_holdout', 4)}, exact copies ` +
    `${reference(lines, 'exact_copies_holdout', 1, 100)} %.`;
  const parts = [caption, table(HEADER, groups.map(groupRow))];
  const ours = groups.filter((g) => g.row === 'ctgan');
  const g = currentGroup(groups, 'ctgan');
  if (g) {
    const goals = tableGoals(groups);
    parts.push(
      `Goals (issue #40) for CTGAN on ${first.table}, means over seeds:\n\n` +
        goals.map((c) => `- ${formatGoal(c)}`).join('\n') +
        (ours.length > 1
          ? `\n\n(CTGAN has ${ours.length} step counts here; the goals use the ${int(g.steps)}-step row: the latest date, then the most seeds, then the most steps.)`
          : ''),
    );
  }
  return parts.join('\n\n');
}

/**
 * The whole generated section, between (not including) the markers: one table per data set and
 * backend, rows in bench/tables' order (CTGAN, copula, MLP GAN, marginals, holdout).
 */
export function renderTablesSection(lines: readonly TablesLine[]): string {
  const groups = groupTablesLines(lines);
  if (groups.length === 0) return '\n(no rows yet: run `npm run bench:tables`)\n';
  const keys = [...new Set(groups.map((g) => JSON.stringify([g.table, g.backend])))].sort((a, b) => {
    const [ta, ba] = JSON.parse(a) as [string, string];
    const [tb, bb] = JSON.parse(b) as [string, string];
    return byOrder(TABLE_ORDER)(ta, tb) || ba.localeCompare(bb);
  });
  const parts = [
    '<!-- Rendered by bench/render.ts from bench/results/tables/*.jsonl: edit those files, then `npm run bench:render`. -->',
    ...keys.map((k) => {
      const [t, b] = JSON.parse(k) as [string, string];
      return renderTable(groups.filter((g) => g.table === t && g.backend === b));
    }),
  ];
  return `\n${parts.join('\n\n')}\n\n`;
}
