// Reads bench/mixtures' committed results: the run lines of every *.jsonl file in a folder, and the
// seed-1 sample files under its samples/ folder. Summary lines are ignored: the tables recompute
// everything from the run lines.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One `"kind":"run"` line of bench/mixtures: one seed of one variant on one data set. */
export interface RunLine {
  impl: string;
  variant: string;
  dataset: string;
  seed: number;
  steps: number;
  batch: number;
  setting: string;
  nets: string;
  backend: string;
  modes: number;
  /** High-quality share in per cent. */
  hq: number;
  /** Reverse KL; null when no sample was high quality. */
  rkl: number | null;
  /** k-NN manifold statistics against bench/mixtures' fixed reference; absent on older lines. */
  precision?: number;
  recall?: number;
  density?: number;
  coverage?: number;
  seconds: number;
  date: string;
}

/** A seed-1 sample file: 2,500 generated points and the mixture they were scored against. */
export interface SampleFile {
  path: string;
  impl: string;
  variant: string;
  dataset: string;
  steps: number;
  seed: number;
  backend: string;
  sigma: number;
  modes: number[][];
  /** Interleaved x0, y0, x1, y1, … */
  samples: number[];
}

const STRING_FIELDS = ['impl', 'variant', 'dataset', 'setting', 'nets', 'backend', 'date'] as const;
const NUMBER_FIELDS = ['seed', 'steps', 'batch', 'modes', 'hq', 'seconds'] as const;
/** The k-NN fields of a run line, which lines written before issue #38 lack. */
export const KNN_FIELDS = ['precision', 'recall', 'density', 'coverage'] as const;

/** The run line `value`, or a message saying which field is missing or of the wrong type. */
function asRunLine(value: Record<string, unknown>): RunLine | string {
  for (const f of STRING_FIELDS) if (typeof value[f] !== 'string') return `'${f}' is not a string`;
  for (const f of NUMBER_FIELDS) if (typeof value[f] !== 'number') return `'${f}' is not a number`;
  if (value.rkl !== null && typeof value.rkl !== 'number') return `'rkl' is neither a number nor null`;
  for (const f of KNN_FIELDS) {
    if (value[f] !== undefined && typeof value[f] !== 'number') return `'${f}' is present but not a number`;
  }
  return value as unknown as RunLine;
}

/** What makes two run lines the same run: a later line with this key replaces an earlier one. */
export function runKey(r: RunLine): string {
  return JSON.stringify([r.impl, r.variant, r.dataset, r.steps, r.batch, r.setting, r.backend, r.seed]);
}

/** The run lines of `lines`, in order, each run keeping only its last line. */
export function latestRuns(lines: readonly RunLine[]): RunLine[] {
  const byKey = new Map<string, RunLine>();
  for (const line of lines) byKey.set(runKey(line), line);
  return [...byKey.values()];
}

/** Every run line of the *.jsonl files in `dir` (files by name), a later line overriding an earlier one. */
export function loadRuns(dir: string): RunLine[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  const lines: RunLine[] = [];
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    text.split('\n').forEach((raw, i) => {
      if (raw.trim() === '') return;
      const where = `${join(dir, file)}:${i + 1}`;
      let value: Record<string, unknown>;
      try {
        value = JSON.parse(raw) as Record<string, unknown>;
      } catch (e) {
        throw new Error(`${where}: not JSON (${(e as Error).message})`, { cause: e });
      }
      if (value.kind !== 'run') return;
      const run = asRunLine(value);
      if (typeof run === 'string') throw new Error(`${where}: run line without the fields of a run: ${run}`);
      lines.push(run);
    });
  }
  return latestRuns(lines);
}

/** The sample files under `dir`/samples (none when that folder does not exist), by name. */
export function listSampleFiles(dir: string): string[] {
  const samples = join(dir, 'samples');
  if (!existsSync(samples)) return [];
  return readdirSync(samples)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(samples, f));
}

/** Reads one sample file. */
export function readSampleFile(path: string): SampleFile {
  const value = JSON.parse(readFileSync(path, 'utf8')) as Omit<SampleFile, 'path'>;
  if (!Array.isArray(value.samples) || !Array.isArray(value.modes) || typeof value.sigma !== 'number') {
    throw new Error(`${path}: a sample file needs 'samples', 'modes' and 'sigma'`);
  }
  return { ...value, path };
}
