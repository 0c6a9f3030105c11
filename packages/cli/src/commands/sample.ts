import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { ConfigError, Rng } from '@ganforge/core';
import { exportCsv } from '@ganforge/data/node';
import { dataView, mixtureOf, normalizationOf, rowsOf, toDataUnits } from '../pictures/data-view.js';
import { imageGridPng } from '../pictures/image-grid.js';
import { cyclicLabels, isConditional } from '../pictures/sample-pictures.js';
import { renderVegaLitePng } from '../plot/render-png.js';
import { histogramSpec, scatterSpec, windowsSpec } from '../plot/specs.js';
import type { Reporter } from '../progress/reporter.js';
import { openRun } from '../run/open-run.js';
import { tableSourceOf } from '../table/table-run.js';
import { sampleTableCommand } from './sample-table.js';

/** Options of `ganforge sample`. */
export interface SampleCommandOptions {
  /** Samples to draw (required, except for table runs, whose default is the training rows). */
  n?: number;
  out: string;
  /** `3` (every sample of class 3) or `0,1,2` (cycled over the samples). */
  labels?: string;
  checkpoint?: string;
  /** Seed of the latent noise (default: the run's seed). */
  seed?: number;
  /** Sample the raw generator weights instead of the EMA average (runs with an `ema` block). */
  rawWeights?: boolean;
  /** Table runs: `COLUMN=VALUE` conditions every row must meet. */
  where?: string[];
}

/** Parses `--labels`: one class for all samples, or a comma-separated list cycled over `n`. */
export function parseLabels(text: string, n: number, numClasses: number): number[] {
  const list = text.split(',').map((s) => s.trim());
  const values = list.map(Number);
  const bad = list.find(
    (s, i) => s === '' || !Number.isInteger(values[i]) || values[i] < 0 || values[i] >= numClasses,
  );
  if (bad !== undefined)
    throw new ConfigError(
      `--labels: expected class numbers 0…${numClasses - 1} separated by commas, found "${bad}"`,
      '--labels',
    );
  return Array.from({ length: n }, (_, i) => values[i % values.length]);
}

/**
 * `ganforge sample RUN_DIR -n N --out FILE`: generates `n` samples from a checkpoint and writes
 * them in the data's own units: `.csv` (rows of tabular data and 2-D points, one row per time step
 * for windows, one column per pixel for images; de-normalized; a `label` column for conditional
 * runs) or `.png` (a grid for images, a plot otherwise). A `table` run's rows are decoded
 * through its codec into the file's columns and formats, optionally conditioned by `where`
 * (see `sampleTableCommand`). A run with an `ema` block samples its averaged generator unless
 * `rawWeights`. Returns the exit code.
 */
export async function sampleCommand(
  dir: string,
  options: SampleCommandOptions,
  reporter: Reporter,
): Promise<number> {
  const out = resolve(options.out);
  const format = extname(out).toLowerCase();
  if (format !== '.png' && format !== '.csv')
    throw new ConfigError(`--out: expected a file ending in .png or .csv, found "${options.out}"`, '--out');
  if (options.n !== undefined && (!Number.isInteger(options.n) || options.n < 1))
    throw new ConfigError(`-n: expected a positive integer, found ${options.n}`, '-n');
  const { gan, checkpoint } = await openRun(dir, options.checkpoint, reporter);
  try {
    const weights = gan.ema && !options.rawWeights ? 'ema' : 'raw';
    const which = weights === 'ema' ? ' (EMA weights)' : gan.ema ? ' (raw weights)' : '';
    const table = tableSourceOf(gan.data);
    if (table && options.labels === undefined) {
      const n = await sampleTableCommand(
        gan,
        table,
        {
          n: options.n,
          out,
          format: format as '.csv' | '.png',
          seed: options.seed ?? gan.config.seed,
          weights,
          where: options.where,
          checkpoint,
        },
        reporter,
      );
      reporter.event('sample', { file: out, n, checkpoint, format: format.slice(1), weights });
      reporter.info(`wrote ${n} rows from ${checkpoint}${which} to ${out}`);
      return 0;
    }
    if (options.where !== undefined)
      throw new ConfigError(
        `--where: conditions name a table run's columns; this run's data is '${gan.config.data.kind}'`,
        '--where',
      );
    if (options.n === undefined)
      throw new ConfigError(
        '-n: the number of samples is required (only table runs default to their rows)',
        '-n',
      );
    const n = options.n;
    const view = dataView(gan.config, gan.data);
    const conditional = isConditional(gan);
    const classes = gan.data.numClasses ?? 0;
    if (options.labels !== undefined && !conditional)
      throw new ConfigError(
        '--labels: this run is not conditional (its generator takes no class labels)',
        '--labels',
      );
    const labels = conditional
      ? options.labels !== undefined
        ? parseLabels(options.labels, n, classes)
        : cyclicLabels(n, classes)
      : undefined;
    const noise = new Rng(options.seed ?? gan.config.seed, 'cli-sample').normalTensor([
      n,
      gan.generator.latentDim,
    ]);
    const x = gan.sample({ n, noise, labels, weights });
    noise.dispose();
    mkdirSync(dirname(out), { recursive: true });
    try {
      if (format === '.csv') {
        const flat = view.kind === 'images' ? tf.reshape(x, [n, -1]) : x;
        const columns =
          view.kind === 'images' ? Array.from({ length: flat.shape[1]! }, (_, i) => `p${i}`) : undefined;
        exportCsv(out, flat, { normalization: normalizationOf(gan.data), columns });
        if (flat !== x) flat.dispose();
        if (labels) addLabelColumn(out, labels, view.kind === 'windows');
      } else {
        const values = toDataUnits(x.dataSync(), gan.data);
        const title = `${n} samples, ${checkpoint}`;
        let png: Buffer;
        if (view.kind === 'images') {
          png = imageGridPng(values, [n, view.height, view.width, view.channels], {
            columns: labels && !options.labels ? classes : undefined,
          });
        } else if (view.kind === 'windows') {
          const windows = rowsOf(values, view.window * view.channels).map((r) => rowsOf(r, view.channels));
          png = await renderVegaLitePng(windowsSpec([], windows, title, normalizationOf(gan.data)?.columns));
        } else if (view.dim === 1) {
          png = await renderVegaLitePng(histogramSpec([], Array.from(values), title));
        } else {
          png = await renderVegaLitePng(
            scatterSpec([], rowsOf(values, view.dim), title, { modes: mixtureOf(gan.data)?.modes }),
          );
        }
        writeFileSync(out, png);
      }
    } finally {
      x.dispose();
    }
    reporter.event('sample', { file: out, n, checkpoint, format: format.slice(1), weights });
    reporter.info(`wrote ${n} samples from ${checkpoint}${which} to ${out}`);
    return 0;
  } finally {
    gan.dispose();
  }
}

/** Prepends a `label` column to a CSV written by exportCsv (rows are samples, or sample/step pairs). */
function addLabelColumn(path: string, labels: number[], windows: boolean): void {
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  const out = lines.map((line, i) => {
    if (i === 0) return `label,${line}`;
    const sample = windows ? Number(line.slice(0, line.indexOf(','))) : i - 1;
    return `${labels[sample]},${line}`;
  });
  writeFileSync(path, out.join('\n') + '\n');
}
