// Whether the k-NN manifold statistics order a data set's sample files as mode coverage does
// (issue #38): Spearman's ρ per pair of metrics, and the pairs of rows the two put the other way round.
import type { FidelityRow } from './fidelity.js';
import { spearman } from './spearman.js';

/** A metric of a fidelity row, higher = better. */
export interface Metric {
  name: string;
  value: (row: FidelityRow) => number;
  /** The name a row's figure is quoted under in the text (`rKL` for 1/rKL). */
  quoted: string;
  /** A row's figure as quoted, e.g. `0.045`. */
  format: (row: FidelityRow) => string;
}

const fixed = (digits: number) => (v: number) => (Number.isNaN(v) ? '–' : v.toFixed(digits));
const three = fixed(3);

/** HQ %, modes and 1/rKL (0 without a high-quality sample) from mode coverage. */
export const COVERAGE_METRICS = {
  hq: { name: 'HQ %', value: (r) => r.hq, quoted: 'HQ %', format: (r) => fixed(1)(r.hq) },
  modes: { name: 'modes', value: (r) => r.modes, quoted: 'modes', format: (r) => String(r.modes) },
  inverseRkl: {
    name: '1/rKL',
    value: (r) => (Number.isNaN(r.rkl) ? 0 : 1 / r.rkl),
    quoted: 'rKL',
    format: (r) => three(r.rkl),
  },
} satisfies Record<string, Metric>;

/** Precision, recall and coverage from the k-NN manifolds. */
export const KNN_METRICS = {
  precision: {
    name: 'precision',
    value: (r) => r.precision,
    quoted: 'precision',
    format: (r) => three(r.precision),
  },
  recall: { name: 'recall', value: (r) => r.recall, quoted: 'recall', format: (r) => three(r.recall) },
  coverage: {
    name: 'coverage',
    value: (r) => r.coverage,
    quoted: 'coverage',
    format: (r) => three(r.coverage),
  },
} satisfies Record<string, Metric>;

/** The pairs compared: fidelity against fidelity, diversity against diversity. */
export const COMPARISONS: readonly (readonly [Metric, Metric])[] = [
  [COVERAGE_METRICS.hq, KNN_METRICS.precision],
  [COVERAGE_METRICS.modes, KNN_METRICS.recall],
  [COVERAGE_METRICS.modes, KNN_METRICS.coverage],
  [COVERAGE_METRICS.inverseRkl, KNN_METRICS.recall],
  [COVERAGE_METRICS.inverseRkl, KNN_METRICS.coverage],
];

/** How one pair of metrics ranks the rows of one data set. */
export interface Agreement {
  a: Metric;
  b: Metric;
  /** Spearman's ρ over the rows; NaN when either metric is the same for every row. */
  rho: number;
  /** Pairs [x, y] where `a` puts x strictly above y and `b` puts y strictly above x. */
  discordant: [FidelityRow, FidelityRow][];
}

/** The agreement of `a` and `b` over `rows`. */
export function agreement(rows: readonly FidelityRow[], a: Metric, b: Metric): Agreement {
  const va = rows.map(a.value);
  const vb = rows.map(b.value);
  const discordant: [FidelityRow, FidelityRow][] = [];
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < rows.length; j++) {
      if (va[i] > va[j] && vb[i] < vb[j]) discordant.push([rows[i], rows[j]]);
    }
  }
  return { a, b, rho: spearman(va, vb), discordant };
}
