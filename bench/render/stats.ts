// Groups run lines into table rows (mean ± sample sd over seeds), pairs each GANForge group with its
// same-net PyTorch twin and applies issue #31's gate.
import { KNN_FIELDS, type RunLine } from './load.js';

/** Mean and sample standard deviation (n − 1; NaN for one value) of `n` values. */
export interface Stat {
  mean: number;
  sd: number;
  n: number;
}

/** One row of the table: the seeds of one (impl, variant, dataset, steps, batch, setting, backend). */
export interface Group {
  impl: string;
  variant: string;
  dataset: string;
  steps: number;
  batch: number;
  setting: string;
  backend: string;
  /** Distinct `nets` strings of the runs. */
  nets: string[];
  /** The runs, by seed. */
  runs: RunLine[];
  /** The latest date among the runs. */
  date: string;
  modes: Stat;
  hq: Stat;
  /** Over the seeds whose reverse KL is not null. */
  rkl: Stat;
  /** k-NN precision, recall, density and coverage, each over the seeds whose run lines carry it. */
  knn: Record<(typeof KNN_FIELDS)[number], Stat>;
}

/** Variants in the order bench/mixtures lists them; others follow by name. */
const VARIANT_ORDER = ['non-saturating', 'wgan-gp', 'unrolled', 'minibatch', 'pacgan', 'ebgan'];
const DATASET_ORDER = ['ring', 'grid'];
const IMPL_ORDER = ['ganforge', 'pytorch'];

/** Mean and sample sd of `values`. */
export function meanSd(values: readonly number[]): Stat {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : Number.NaN;
  return { mean, sd, n };
}

const groupKey = (r: RunLine) =>
  JSON.stringify([r.impl, r.variant, r.dataset, r.steps, r.batch, r.setting, r.backend]);

/** Rank of `value` in `order`, unknown values after the known ones. */
const rank = (order: readonly string[], value: string) => {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
};

/** Variants in bench/mixtures' order, others after them by name. */
export function compareVariants(a: string, b: string): number {
  return rank(VARIANT_ORDER, a) - rank(VARIANT_ORDER, b) || a.localeCompare(b);
}

/** Ring before grid, others after them by name. */
export function compareDatasets(a: string, b: string): number {
  return rank(DATASET_ORDER, a) - rank(DATASET_ORDER, b) || a.localeCompare(b);
}

/** GANForge before PyTorch. */
export function compareImpls(a: string, b: string): number {
  return rank(IMPL_ORDER, a) - rank(IMPL_ORDER, b) || a.localeCompare(b);
}

/** Table order: variant, then data (ring before grid), then steps, then date; GANForge before PyTorch. */
export function compareGroups(a: Group, b: Group): number {
  return (
    compareVariants(a.variant, b.variant) ||
    compareDatasets(a.dataset, b.dataset) ||
    a.steps - b.steps ||
    a.date.localeCompare(b.date) ||
    compareImpls(a.impl, b.impl) ||
    a.batch - b.batch ||
    a.backend.localeCompare(b.backend) ||
    a.setting.localeCompare(b.setting)
  );
}

/** The groups of `runs`, in table order. */
export function groupRuns(runs: readonly RunLine[]): Group[] {
  const byKey = new Map<string, RunLine[]>();
  for (const r of runs) byKey.set(groupKey(r), [...(byKey.get(groupKey(r)) ?? []), r]);
  const groups = [...byKey.values()].map((members): Group => {
    const sorted = [...members].sort((a, b) => a.seed - b.seed);
    const first = sorted[0];
    return {
      impl: first.impl,
      variant: first.variant,
      dataset: first.dataset,
      steps: first.steps,
      batch: first.batch,
      setting: first.setting,
      backend: first.backend,
      nets: [...new Set(sorted.map((r) => r.nets))],
      runs: sorted,
      date: sorted.map((r) => r.date).reduce((a, b) => (b > a ? b : a)),
      modes: meanSd(sorted.map((r) => r.modes)),
      hq: meanSd(sorted.map((r) => r.hq)),
      rkl: meanSd(sorted.flatMap((r) => (r.rkl === null ? [] : [r.rkl]))),
      knn: Object.fromEntries(
        KNN_FIELDS.map((f) => [f, meanSd(sorted.flatMap((r) => (r[f] === undefined ? [] : [r[f]])))]),
      ) as Group['knn'],
    };
  });
  return groups.sort(compareGroups);
}

/**
 * The PyTorch twin of a GANForge group: a pytorch group with the same variant, data set, steps
 * and batch; of several, the one with the same setting string, then the latest.
 */
export function findTwin(group: Group, groups: readonly Group[]): Group | undefined {
  const twins = groups.filter(
    (g) =>
      g.impl === 'pytorch' &&
      g.variant === group.variant &&
      g.dataset === group.dataset &&
      g.steps === group.steps &&
      g.batch === group.batch,
  );
  const score = (g: Group) => [g.setting === group.setting ? 1 : 0, g.date] as const;
  return twins.sort((a, b) => {
    const [sa, da] = score(a);
    const [sb, db] = score(b);
    return sb - sa || db.localeCompare(da);
  })[0];
}

/** A twin's sd, 0 where one seed leaves it undefined. */
const spread = (s: Stat) => (Number.isNaN(s.sd) ? 0 : s.sd);

/**
 * Issue #31's gate: mean modes and mean HQ within one standard deviation of the twin or better,
 * i.e. mean ≥ twin mean − twin sd for both.
 */
export function passesGate(group: Group, twin: Group): boolean {
  return (
    group.modes.mean >= twin.modes.mean - spread(twin.modes) &&
    group.hq.mean >= twin.hq.mean - spread(twin.hq)
  );
}
