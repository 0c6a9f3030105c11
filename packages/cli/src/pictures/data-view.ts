import type { DataSource, ResolvedConfig } from '@ganforge/core';
import { denormalize, type ColumnNormalization } from '@ganforge/data';

/** How the CLI draws and exports samples of a data source. */
export type DataView =
  | { kind: 'images'; height: number; width: number; channels: number }
  | { kind: 'points'; dim: number }
  | { kind: 'windows'; window: number; channels: number };

const IMAGE_SOURCES = ['mnist', 'idx', 'image-folder'];

/**
 * Classifies a run's data: images (`[h, w, c]` samples, or flat samples of an image source such
 * as `mnist` with `flatten: true`), points (`[d]`: 2-D mixtures, 1-D mixtures, table rows) or
 * time-series windows (`[window, c]`).
 */
export function dataView(config: ResolvedConfig, data: DataSource): DataView {
  const shape = data.sampleShape;
  if (shape.length === 3) return { kind: 'images', height: shape[0], width: shape[1], channels: shape[2] };
  if (
    shape.length === 1 &&
    IMAGE_SOURCES.includes(config.data.kind) &&
    Number.isInteger(Math.sqrt(shape[0]))
  ) {
    const side = Math.sqrt(shape[0]);
    return { kind: 'images', height: side, width: side, channels: 1 };
  }
  if (shape.length === 2) return { kind: 'windows', window: shape[0], channels: shape[1] };
  return { kind: 'points', dim: shape[0] ?? 1 };
}

/** The normalization statistics of a tabular source (csv, windows), if it has them. */
export function normalizationOf(data: DataSource): ColumnNormalization | undefined {
  const n = (data as { normalization?: ColumnNormalization }).normalization;
  return n && Array.isArray(n.columns) ? n : undefined;
}

/** Values in the data's own units (tabular sources are de-normalized). */
export function toDataUnits(values: ArrayLike<number>, data: DataSource): ArrayLike<number> {
  const n = normalizationOf(data);
  return n ? denormalize(values, n) : values;
}

/** Mode centres of a known mixture (ring, grid, spiral, mixture-1d), if the source has them. */
export function mixtureOf(
  data: DataSource,
): { modes: readonly (readonly number[])[]; sigma: number } | undefined {
  const d = data as { modes?: unknown; sigma?: unknown };
  return Array.isArray(d.modes) && typeof d.sigma === 'number'
    ? { modes: d.modes as number[][], sigma: d.sigma }
    : undefined;
}

/** Rows of a flat `[n, d]` array. */
export function rowsOf(values: ArrayLike<number>, d: number): number[][] {
  return Array.from({ length: values.length / d }, (_, i) =>
    Array.from({ length: d }, (_, j) => values[i * d + j]),
  );
}
