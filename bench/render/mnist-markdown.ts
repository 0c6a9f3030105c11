// The MNIST quality section of docs/benchmarks.md, from bench/results/mnist/*.jsonl (rows written
// by bench/mnist/ema-eval.ts): classifier score and Fréchet distance beside the k-NN fidelity
// (precision, density) and diversity (recall, coverage) scores, the real digits' own row first.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { int, table } from './format.js';

/** One scored row of bench/mnist/ema-eval.ts. */
export interface MnistRow {
  bench: string;
  config: string;
  date: string;
  run: string;
  n: number;
  steps?: number;
  weights?: string;
  classifier_score: number;
  frechet_distance: number;
  precision: number;
  recall: number;
  density: number;
  coverage: number;
}

/** Every row of every `*.jsonl` file in `dir`, in file then line order; none when `dir` is absent. */
export function loadJsonlRows<T>(dir: string): T[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort();
  } catch {
    return [];
  }
  return files.flatMap((f) =>
    readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as T),
  );
}

/** The rows of bench/mnist/ema-eval.ts in `dir` (see {@link loadJsonlRows}). */
export function loadMnistRows(dir: string): MnistRow[] {
  return loadJsonlRows<MnistRow>(dir);
}

/**
 * The section's Markdown: one table per config, the ceiling (rows without steps) first, then the
 * runs by steps and weights. The last row of a (config, run, steps) wins, so a re-run replaces.
 */
export function renderMnistSection(rows: readonly MnistRow[]): string {
  const byConfig = new Map<string, Map<string, MnistRow>>();
  for (const r of rows) {
    const m = byConfig.get(r.config) ?? new Map<string, MnistRow>();
    m.set(`${r.run}|${r.steps ?? ''}`, r);
    byConfig.set(r.config, m);
  }
  const parts: string[] = [];
  for (const [config, m] of byConfig) {
    const sorted = [...m.values()].sort(
      (a, b) => (a.steps ?? -1) - (b.steps ?? -1) || (a.weights ?? '').localeCompare(b.weights ?? ''),
    );
    const dates = [...new Set(sorted.map((r) => r.date))].join(', ');
    parts.push(
      `\`${config}\` (measured ${dates}; N = ${int(sorted[0]!.n)} generated digits against as many held-out ones, k = 5):`,
      '',
      table(
        [
          'run',
          'steps',
          'classifier score ↑',
          'Fréchet distance ↓',
          'precision ↑',
          'density ↑',
          'recall ↑',
          'coverage ↑',
        ],
        sorted.map((r) => [
          r.run,
          r.steps === undefined ? '–' : int(r.steps),
          r.classifier_score.toFixed(2),
          r.frechet_distance.toFixed(2),
          r.precision.toFixed(3),
          r.density.toFixed(3),
          r.recall.toFixed(3),
          r.coverage.toFixed(3),
        ]),
      ),
      '',
    );
  }
  return parts.length ? `\n${parts.join('\n')}` : '\n(no rows yet: run bench/mnist/ema-eval.ts)\n';
}
