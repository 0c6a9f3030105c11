// Renders the sample files' fidelity and diversity: a table of mode coverage beside the k-NN
// manifold statistics, and per data set how far the two agree in ranking (Spearman's ρ, and the
// pairs of rows they order the other way round).
import { agreement, COMPARISONS, type Agreement } from './agreement.js';
import type { FidelityRow } from './fidelity.js';
import { implName, int, table } from './format.js';
import { compareDatasets, compareImpls, compareVariants } from './stats.js';

/** Data set, then variant, steps and implementation, as the other tables order them. */
function compareRows(a: FidelityRow, b: FidelityRow): number {
  return (
    compareDatasets(a.dataset, b.dataset) ||
    compareVariants(a.variant, b.variant) ||
    a.steps - b.steps ||
    compareImpls(a.impl, b.impl)
  );
}

const fixed = (v: number, digits: number) => (Number.isNaN(v) ? '–' : v.toFixed(digits));
const label = (r: FidelityRow) => `${r.variant} (${implName(r.impl)}, ${int(r.steps)} steps)`;

/** One line per sample file: modes, HQ %, reverse KL, precision, recall, density, coverage. */
export function renderFidelity(rows: readonly FidelityRow[]): string {
  const header = ['impl', 'variant', 'data', 'G steps', 'modes', 'HQ %', 'reverse KL'];
  return table(
    [...header, 'precision', 'recall', 'density', 'coverage'],
    [...rows]
      .sort(compareRows)
      .map((r) => [
        implName(r.impl),
        r.variant,
        r.dataset,
        int(r.steps),
        String(r.modes),
        fixed(r.hq, 1),
        fixed(r.rkl, 3),
        fixed(r.precision, 3),
        fixed(r.recall, 3),
        fixed(r.density, 3),
        fixed(r.coverage, 3),
      ]),
  );
}

/** ρ from which two metrics are said to agree; from WEAK up to it they agree only weakly. */
const STRONG = 0.8;
/** ρ below which two metrics are said to disagree. */
const WEAK = 0.4;

/** Agree, agree only weakly, disagree, or undefined (a metric the same for every file). */
function verdict(rho: number): string {
  if (Number.isNaN(rho)) return 'undefined';
  return rho >= STRONG ? 'agree' : rho >= WEAK ? 'agree only weakly' : 'disagree';
}

/** The pair's figures: `x vs y: modes 8 vs 7, recall 0.626 vs 0.800`. */
function pairText(g: Agreement, x: FidelityRow, y: FidelityRow): string {
  const figures = (m: Agreement['a']) => `${m.quoted} ${m.format(x)} vs ${m.format(y)}`;
  return `${label(x)} vs ${label(y)}: ${figures(g.a)}, ${figures(g.b)}`;
}

/** One comparison: ρ, its verdict, and every pair of files in opposite order. */
function describe(g: Agreement, rows: readonly FidelityRow[]): string {
  const head = `${g.a.name} vs ${g.b.name}`;
  if (Number.isNaN(g.rho)) {
    const constant = new Set(rows.map(g.a.value)).size <= 1 ? g.a : g.b;
    return `${head}: ρ undefined: every file has ${constant.quoted} ${constant.format(rows[0])}.`;
  }
  const rho = `ρ = ${g.rho.toFixed(2)} (${verdict(g.rho)})`;
  if (g.discordant.length === 0) return `${head}: ${rho}; no pair of files in opposite order.`;
  const pairs = (rows.length * (rows.length - 1)) / 2;
  const where = g.discordant.map(([x, y]) => pairText(g, x, y));
  return `${head}: ${rho}; opposite order in ${g.discordant.length} of ${pairs} pairs (the first file higher by ${g.a.name}, lower by ${g.b.name}): ${where.join('; ')}.`;
}

/** `verdict: a vs b (ρ), …` for each verdict that occurs, in a fixed order. */
function summary(gs: readonly Agreement[]): string {
  const order = ['agree', 'agree only weakly', 'disagree', 'undefined'];
  return order
    .map((v) => {
      const of = gs.filter((g) => verdict(g.rho) === v);
      const list = of.map(
        (g) => `${g.a.name} vs ${g.b.name}${Number.isNaN(g.rho) ? '' : ` (${g.rho.toFixed(2)})`}`,
      );
      return of.length === 0 ? '' : `${v}: ${list.join(', ')}`;
    })
    .filter((s) => s !== '')
    .join('; ');
}

/**
 * Per data set, Spearman's ρ between HQ % and precision and between modes or 1/rKL and recall
 * and coverage over the sample files, a verdict per pair (agree at ρ ≥ 0.8, agree only weakly
 * from 0.4, disagree below), and every pair of files the two metrics order the other way
 * round (a tie on either side is not counted).
 */
export function renderAgreement(rows: readonly FidelityRow[]): string {
  const datasets = [...new Set(rows.map((r) => r.dataset))].sort(compareDatasets);
  const lines = [
    "Rank agreement of the two scorings over the rows above, per data set: Spearman's ρ (ties averaged; " +
      `1/rKL is 0 for a file without high-quality samples); "agree" at ρ ≥ ${STRONG}, "agree only weakly" ` +
      `at ${WEAK} ≤ ρ < ${STRONG}, "disagree" below ${WEAK}. Every pair of files that a pair of metrics ` +
      'puts in opposite order is listed (a tie on either side is not counted).',
  ];
  for (const dataset of datasets) {
    const of = rows.filter((r) => r.dataset === dataset).sort(compareRows);
    const gs = COMPARISONS.map(([a, b]) => agreement(of, a, b));
    lines.push(`- ${dataset} (${of.length} sample files): ${summary(gs)}.`);
    for (const g of gs) lines.push(`  - ${describe(g, of)}`);
  }
  return lines.join('\n');
}
