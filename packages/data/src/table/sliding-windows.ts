import { DataError } from '@ganforge/core';
import { inMemorySource } from '../images/labelled-images.js';
import {
  fitNormalization,
  normalize,
  type ColumnNormalization,
  type NormalizationMethod,
} from '../normalization/column-normalization.js';
import type { NumericTable, TabularSource } from './tabular-source.js';

/**
 * All windows of `window` consecutive rows, every `stride` rows, of a row-major series with
 * `width` columns: window k holds rows k·stride … k·stride + window − 1, so there are
 * ⌊(rows − window)/stride⌋ + 1 of them. Returns `[windows × window × width]` values.
 */
export function slidingWindows(
  series: ArrayLike<number>,
  width: number,
  window: number,
  stride: number,
): Float32Array {
  const rows = series.length / width;
  if (window > rows) throw new DataError(`a window of ${window} rows does not fit a series of ${rows} rows`);
  const count = Math.floor((rows - window) / stride) + 1;
  const out = new Float32Array(count * window * width);
  for (let k = 0; k < count; k++) {
    for (let i = 0; i < window * width; i++) out[k * window * width + i] = series[k * stride * width + i];
  }
  return out;
}

/** Options of {@link windowsSource}. */
export interface WindowsSourceOptions {
  /** Rows per window (default 24). */
  window?: number;
  /** Rows between the starts of consecutive windows (default 1). */
  stride?: number;
  /** A method to fit per-column statistics over the whole series, or saved ones (default `minmax`). */
  normalization?: NormalizationMethod | ColumnNormalization;
}

/**
 * Sliding windows over a multivariate time series (rows in time order) as samples of shape
 * `[window, columns]`: train a GAN on windows, then generate new plausible windows (the
 * economic-scenario use case). Normalization is fitted per column over the whole series.
 */
export function windowsSource(
  series: NumericTable,
  options: WindowsSourceOptions = {},
  what = 'series',
): TabularSource {
  const window = options.window ?? 24;
  const stride = options.stride ?? 1;
  const method = options.normalization ?? 'minmax';
  const stats = typeof method === 'string' ? fitNormalization(series.values, series.columns, method) : method;
  const width = series.columns.length;
  const values = slidingWindows(normalize(series.values, stats), width, window, stride);
  const source = inMemorySource({ values, sampleShape: [window, width] }, what);
  return { ...source, columns: [...series.columns], normalization: stats };
}
