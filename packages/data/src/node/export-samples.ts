import * as tf from '@tensorflow/tfjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import { DataError } from '@ganforge/core';
import { denormalize, type ColumnNormalization } from '../normalization/column-normalization.js';

/** Options of {@link exportCsv}. */
export interface ExportCsvOptions {
  /** Column names (default: the normalization's, else x0, x1, …; 2-D samples: x, y). */
  columns?: string[];
  /** Statistics to invert, so values come out in the data's own units. */
  normalization?: ColumnNormalization;
  /** Significant digits written (default 7: what a float32 sample carries; 0 = shortest round-trip form). */
  digits?: number;
}

/**
 * Writes generated samples as CSV in the data's own units. Samples `[n, c]` (tabular rows, 2-D
 * mixtures) give one row each under the column names; windows `[n, window, c]` give one row per
 * time step with leading `sample` and `step` columns. Values print with 7 significant digits (the
 * precision of float32 samples, so 20.0000003 from a float32 round trip prints as 20). Returns the
 * number of data rows written.
 */
export function exportCsv(path: string, samples: tf.Tensor, options: ExportCsvOptions = {}): number {
  if (samples.rank !== 2 && samples.rank !== 3)
    throw new DataError(
      `CSV export takes samples [n, columns] or [n, window, columns], got [${samples.shape}]`,
    );
  const width = samples.shape[samples.rank - 1];
  const columns =
    options.columns ??
    options.normalization?.columns ??
    (width === 2 ? ['x', 'y'] : Array.from({ length: width }, (_, i) => `x${i}`));
  if (columns.length !== width)
    throw new DataError(`'${path}': ${columns.length} column names for samples with ${width} columns`);
  const raw = samples.dataSync();
  const values = options.normalization !== undefined ? denormalize(raw, options.normalization) : raw;
  const digits = options.digits ?? 7;
  const format = (v: number): string => (digits > 0 ? String(Number(v.toPrecision(digits))) : String(v));
  const lines: string[] = [];
  const quote = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  if (samples.rank === 2) {
    lines.push(columns.map(quote).join(','));
    for (let i = 0; i < samples.shape[0]; i++)
      lines.push(Array.from(values.subarray(i * width, (i + 1) * width), format).join(','));
  } else {
    const steps = samples.shape[1]!;
    lines.push(['sample', 'step', ...columns].map(quote).join(','));
    for (let i = 0; i < samples.shape[0]; i++) {
      for (let t = 0; t < steps; t++) {
        const at = (i * steps + t) * width;
        lines.push([i, t, ...Array.from(values.subarray(at, at + width), format)].join(','));
      }
    }
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${lines.join('\n')}\n`);
  return lines.length - 1;
}

/** Options of {@link exportPngs}. */
export interface ExportPngOptions {
  /** File name prefix (default `sample-`); files are `<prefix>00000.png`, …. */
  prefix?: string;
  /** The value range mapped to 0…255 (default [−1, 1], a tanh generator's). */
  range?: [number, number];
}

/**
 * Writes images `[n, h, w, c]` (c = 1 greyscale, 3 RGB, 4 RGBA) as one 8-bit PNG each, mapping
 * `range` linearly to 0…255 and clipping outside it (data augmentation: the files are ordinary
 * training images). Returns the paths written.
 */
export function exportPngs(dir: string, images: tf.Tensor, options: ExportPngOptions = {}): string[] {
  if (images.rank !== 4 || ![1, 3, 4].includes(images.shape[3]!)) {
    throw new DataError(`PNG export takes images [n, height, width, 1|3|4], got [${images.shape}]`);
  }
  const [n, h, w, c] = images.shape as [number, number, number, number];
  const [lo, hi] = options.range ?? [-1, 1];
  const values = images.dataSync();
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const png = new PNG({ width: w, height: h });
    for (let p = 0; p < h * w; p++) {
      const byte = (k: number): number =>
        Math.round(Math.min(1, Math.max(0, (values[(i * h * w + p) * c + k] - lo) / (hi - lo))) * 255);
      const [r, g, b] = c === 1 ? [byte(0), byte(0), byte(0)] : [byte(0), byte(1), byte(2)];
      png.data.set([r, g, b, c === 4 ? byte(3) : 255], 4 * p);
    }
    const path = join(dir, `${options.prefix ?? 'sample-'}${String(i).padStart(5, '0')}.png`);
    writeFileSync(path, PNG.sync.write(png, c === 1 ? { colorType: 0 } : {}));
    paths.push(path);
  }
  return paths;
}
