import type { GanConfig } from '@ganforge/core';
import { setDotted } from './dotted-path.js';
import { jobId } from './job-id.js';
import type { LoadedSweep } from './read-sweep.js';
import type { FieldValue, RandomField } from './sweep-schema.js';

/** One run of a sweep. */
export interface SweepJob {
  /** Deterministic id, also the run folder's name (see {@link jobId}). */
  id: string;
  /** The swept fields' values (dotted path → value), without the seed. */
  fields: Record<string, FieldValue>;
  seed: number;
  /** The full run config: base, `set`, the fields and the seed. */
  config: GanConfig;
}

/** The jobs of a sweep, settings-major (all seeds of a setting follow each other). */
export interface SweepPlan {
  name: string;
  /** The swept field paths, in the sweep file's order. */
  fields: string[];
  seeds: number[];
  jobs: SweepJob[];
  /** Jobs beyond `maxRuns` that were left out. */
  dropped: number;
  /** Steps between sample pictures in each run, when the sweep file sets it. */
  sampleEvery?: number;
}

/** The default cap on the number of runs of a sweep. */
export const DEFAULT_MAX_RUNS = 100;

/** Every combination of the grid's values, the first field varying slowest. */
function gridSettings(grid: Record<string, FieldValue[]>): Record<string, FieldValue>[] {
  let out: Record<string, FieldValue>[] = [{}];
  for (const [path, values] of Object.entries(grid))
    out = out.flatMap((s) => values.map((v) => ({ ...s, [path]: v })));
  return out;
}

/** mulberry32: a small seeded uniform generator on [0, 1), so a random sweep expands the same every time. */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function draw(field: RandomField, u: () => number): FieldValue {
  if ('values' in field)
    return field.values[Math.min(field.values.length - 1, Math.floor(u() * field.values.length))];
  const { min, max } = field;
  const x = field.log
    ? Math.exp(Math.log(min) + u() * (Math.log(max) - Math.log(min)))
    : min + u() * (max - min);
  return field.integer ? Math.round(x) : Number(x.toPrecision(6));
}

function randomSettings(random: NonNullable<LoadedSweep['sweep']['random']>): Record<string, FieldValue>[] {
  const u = uniform(random.seed ?? 0);
  return Array.from({ length: random.samples }, () =>
    Object.fromEntries(Object.entries(random.fields).map(([path, f]) => [path, draw(f, u)])),
  );
}

/**
 * Expands a sweep into its jobs: each setting of the grid (or each random sample) times each
 * seed, capped at `maxRuns` (default 100; the jobs past it are counted in `dropped`). Settings
 * that repeat (a random search drawing the same values twice) run once.
 */
export function expandSweep(loaded: LoadedSweep): SweepPlan {
  const { sweep } = loaded;
  let base = loaded.base;
  for (const [path, value] of Object.entries(sweep.set ?? {})) base = setDotted(base, path, value);
  const settings = sweep.grid ? gridSettings(sweep.grid) : sweep.random ? randomSettings(sweep.random) : [{}];
  const seeds = sweep.seeds ?? [base.seed ?? 0];
  const all: SweepJob[] = [];
  const seen = new Set<string>();
  for (const fields of settings)
    for (const seed of seeds) {
      let config = base;
      for (const [path, value] of Object.entries(fields)) config = setDotted(config, path, value);
      config = { ...config, seed };
      const id = jobId(config, fields, seed);
      if (seen.has(id)) continue;
      seen.add(id);
      all.push({ id, fields, seed, config });
    }
  const max = sweep.maxRuns ?? DEFAULT_MAX_RUNS;
  const fieldPaths = Object.keys(sweep.grid ?? sweep.random?.fields ?? {});
  return {
    name: loaded.name,
    fields: fieldPaths,
    seeds,
    jobs: all.slice(0, max),
    dropped: Math.max(0, all.length - max),
    ...(sweep.sampleEvery ? { sampleEvery: sweep.sampleEvery } : {}),
  };
}
