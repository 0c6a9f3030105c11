import { ConfigError, DataError } from '@ganforge/core';

/** How numeric columns are scaled for training. */
export type NormalizationMethod = 'minmax' | 'standard' | 'none';

/**
 * Per-column normalization statistics, JSON-serializable so a run can save them and export can
 * invert them: normalized = (x − offset) / scale, x = normalized · scale + offset.
 */
export interface ColumnNormalization {
  method: NormalizationMethod;
  columns: string[];
  offset: number[];
  scale: number[];
}

/**
 * Fits per-column statistics on row-major values whose last axis has `columns.length` entries:
 * `minmax` maps [min, max] to [−1, 1] (offset (max+min)/2, scale (max−min)/2: the range of a tanh
 * generator); `standard` uses the mean and the population standard deviation; `none` is the
 * identity. A constant column gets scale 1.
 */
export function fitNormalization(
  values: ArrayLike<number>,
  columns: readonly string[],
  method: NormalizationMethod,
): ColumnNormalization {
  const c = columns.length;
  if (c === 0 || values.length % c !== 0)
    throw new ConfigError(`${values.length} values do not fill rows of ${c} columns`, 'columns');
  const rows = values.length / c;
  const offset = new Array<number>(c).fill(0);
  const scale = new Array<number>(c).fill(1);
  for (let j = 0; j < c && method !== 'none'; j++) {
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (let i = 0; i < rows; i++) {
      const v = values[i * c + j];
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    if (method === 'minmax') {
      offset[j] = (max + min) / 2;
      scale[j] = (max - min) / 2 || 1;
    } else {
      const mean = sum / rows;
      let ss = 0;
      for (let i = 0; i < rows; i++) ss += (values[i * c + j] - mean) ** 2;
      offset[j] = mean;
      scale[j] = Math.sqrt(ss / rows) || 1;
    }
  }
  return { method, columns: [...columns], offset, scale };
}

/** Checks that parsed JSON is a {@link ColumnNormalization}; `source` names it in errors. */
export function checkNormalization(value: unknown, source: string): ColumnNormalization {
  const n = value as Partial<ColumnNormalization> | null;
  const ok =
    n !== null &&
    typeof n === 'object' &&
    Array.isArray(n.columns) &&
    Array.isArray(n.offset) &&
    Array.isArray(n.scale) &&
    n.offset.length === n.columns.length &&
    n.scale.length === n.columns.length &&
    n.scale.every((s) => typeof s === 'number' && s !== 0);
  if (!ok)
    throw new DataError(
      `${source}: not normalization statistics { method, columns, offset, scale } of equal lengths with non-zero scales`,
    );
  return n as ColumnNormalization;
}

/** Applies statistics to row-major values (last axis = columns); returns a new array. */
export function normalize(values: ArrayLike<number>, stats: ColumnNormalization): Float32Array {
  const c = stats.columns.length;
  return Float32Array.from(values, (v, i) => (v - stats.offset[i % c]) / stats.scale[i % c]);
}

/** Inverts {@link normalize}: values back in the data's own units. */
export function denormalize(values: ArrayLike<number>, stats: ColumnNormalization): Float64Array {
  const c = stats.columns.length;
  if (values.length % c !== 0)
    throw new DataError(
      `${values.length} values do not fill rows of the ${c} normalized columns (${stats.columns.join(', ')})`,
    );
  return Float64Array.from(
    values as ArrayLike<number>,
    (v, i) => v * stats.scale[i % c] + stats.offset[i % c],
  );
}
