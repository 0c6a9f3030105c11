import * as tf from '@tensorflow/tfjs';
import { ConfigError, Rng, type Gan, type GeneratorWeights } from '@ganforge/core';
import type { TableRow, TableSource } from '@ganforge/data';
import { asConditionalGenerator } from './conditional-generator.js';
import { meetsAll, type WhereCondition } from './where.js';

/** Options of {@link sampleTableRows}. */
export interface SampleTableOptions {
  n: number;
  /** Seed of the latent noise (stream `cli-sample`). */
  seed: number;
  weights: GeneratorWeights;
  /** Rows must meet every condition (`--where`). */
  where?: readonly WhereCondition[];
  /** Rejection sampling gives up when fewer generated rows than this share match (default 0.01). */
  minAcceptance?: number;
  /** Rows generated per draw (default 4,096). */
  batch?: number;
  /** Called after each draw with the rows kept so far. */
  onProgress?: (kept: number, n: number) => void;
}

/** Rows sampled from a table run, and how. */
export interface SampledTable {
  readonly rows: TableRow[];
  /** Rows generated (more than `n` when rejection sampling dropped some). */
  readonly drawn: number;
  /** `none` (no condition), `rejection`, or `generator` (its conditional vector, see {@link asConditionalGenerator}). */
  readonly conditioning: 'none' | 'rejection' | 'generator';
}

const PILOT = 1000;

/**
 * Draws `n` rows from a table run in the user's units: generated rows decoded through the run's
 * own codec (`source.decode`), so integers stay integers, categories stay in the seen set and
 * missing comes back where the column has it. With `where`, rows are drawn until `n` meet every
 * condition: through the generator's conditional vector when it has the hook and there is one
 * condition, else by rejection sampling, which stops with a ConfigError when, after at least
 * 1,000 rows, fewer than `minAcceptance` of them match.
 */
export function sampleTableRows(gan: Gan, source: TableSource, options: SampleTableOptions): SampledTable {
  const rng = new Rng(options.seed, 'cli-sample');
  const where = options.where ?? [];
  const conditional = where.length === 1 ? asConditionalGenerator(gan.generator) : undefined;
  const params = options.weights === 'ema' ? gan.ema?.params : undefined;
  let byGenerator = false;
  const draw = (k: number): TableRow[] => {
    const noise = rng.normalTensor([k, gan.generator.latentDim]);
    const cond = conditional?.conditionFor(where[0].column, where[0].label, k);
    try {
      byGenerator ||= cond !== undefined;
      const x = cond
        ? tf.tidy(() => gan.generator.generate(noise, { training: false, cond, params }).x)
        : gan.sample({ n: k, noise, weights: options.weights });
      try {
        return source.decode(x);
      } finally {
        x.dispose();
      }
    } finally {
      noise.dispose();
      cond?.dispose();
    }
  };
  const batch = Math.max(1, options.batch ?? 4096);
  const minAcceptance = options.minAcceptance ?? 0.01;
  const kept: TableRow[] = [];
  let drawn = 0;
  while (kept.length < options.n) {
    const left = options.n - kept.length;
    const rate = drawn > 0 ? Math.max(kept.length / drawn, minAcceptance) : 1;
    const k =
      where.length === 0
        ? Math.min(left, batch)
        : drawn === 0
          ? Math.max(PILOT, Math.min(left, batch))
          : Math.min(batch, Math.max(256, Math.ceil((1.1 * left) / rate)));
    const rows = draw(k);
    drawn += k;
    for (const row of rows) if (kept.length < options.n && meetsAll(row, where)) kept.push(row);
    options.onProgress?.(kept.length, options.n);
    if (where.length > 0 && drawn >= PILOT && kept.length < minAcceptance * drawn && kept.length < options.n)
      throw new ConfigError(
        `--where: ${where.map((w) => w.text).join(' and ')}: ${kept.length} of ${drawn} generated rows ` +
          `(${((100 * kept.length) / drawn).toFixed(2)} %) match, below the ${100 * minAcceptance} % that ` +
          'rejection sampling accepts: the generator rarely makes such rows. Train longer, condition on a ' +
          'more common value, or use a generator with a conditional vector (CTGAN)',
        '--where',
      );
  }
  return {
    rows: kept,
    drawn,
    conditioning: where.length === 0 ? 'none' : byGenerator ? 'generator' : 'rejection',
  };
}
