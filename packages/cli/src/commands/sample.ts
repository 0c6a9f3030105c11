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

/** Options of `ganforge sample`. */
export interface SampleCommandOptions {
  n: number;
  out: string;
  /** `3` (every sample of class 3) or `0,1,2` (cycled over the samples). */
  labels?: string;
  checkpoint?: string;
  /** Seed of the latent noise (default: the run's seed). */
  seed?: number;
  /** Sample the raw generator weights instead of the EMA average (runs with an `ema` block). */
  rawWeights?: boolean;
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
 * runs) or `.png` (a grid for images, a plot otherwise). A run with an `ema` block samples its
 * averaged generator unless `rawWeights`. Returns the exit code.
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
  if (!Number.isInteger(options.n) || options.n < 1)
    throw new ConfigError(`-n: expected a positive integer, found ${options.n}`, '-n');
  const { gan, checkpoint } = await openRun(dir, options.checkpoint, reporter);
  try {
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
        ? parseLabels(options.labels, options.n, classes)
        : cyclicLabels(options.n, classes)
      : undefined;
    const noise = new Rng(options.seed ?? gan.config.seed, 'cli-sample').normalTensor([
      options.n,
      gan.generator.latentDim,
    ]);
    const weights = gan.ema && !options.rawWeights ? 'ema' : 'raw';
    const x = gan.sample({ n: options.n, noise, labels, weights });
    noise.dispose();
    mkdirSync(dirname(out), { recursive: true });
    try {
      if (format === '.csv') {
        const flat = view.kind === 'images' ? tf.reshape(x, [options.n, -1]) : x;
        const columns =
          view.kind === 'images' ? Array.from({ length: flat.shape[1]! }, (_, i) => `p${i}`) : undefined;
        exportCsv(out, flat, { normalization: normalizationOf(gan.data), columns });
        if (flat !== x) flat.dispose();
        if (labels) addLabelColumn(out, labels, view.kind === 'windows');
      } else {
        const values = toDataUnits(x.dataSync(), gan.data);
        const title = `${options.n} samples, ${checkpoint}`;
        let png: Buffer;
        if (view.kind === 'images') {
          png = imageGridPng(values, [options.n, view.height, view.width, view.channels], {
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
    reporter.event('sample', { file: out, n: options.n, checkpoint, format: format.slice(1), weights });
    const which = weights === 'ema' ? ' (EMA weights)' : gan.ema ? ' (raw weights)' : '';
    reporter.info(`wrote ${options.n} samples from ${checkpoint}${which} to ${out}`);
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
