import { inMemorySource, type InMemorySource } from '../images/labelled-images.js';
import {
  fitNormalization,
  normalize,
  type ColumnNormalization,
  type NormalizationMethod,
} from '../normalization/column-normalization.js';

/** A numeric table: row-major values with named columns, optionally labelled. */
export interface NumericTable {
  columns: string[];
  /** Row-major values, `rows × columns.length`, in the data's own units. */
  values: Float32Array;
  /** Class index per row, when there is a label column. */
  labels?: Int32Array;
  /** Class names by index (sorted label values). */
  classNames?: string[];
}

/** A data source over normalized table rows (or windows) that keeps what export needs. */
export interface TabularSource extends InMemorySource {
  /** Column names, the last axis of a sample. */
  readonly columns: readonly string[];
  /** The statistics applied; save them with the run, invert them on export. */
  readonly normalization: ColumnNormalization;
  /** Class names by index, when labelled. */
  readonly classNames?: readonly string[];
}

/** Options of {@link tabularSource}. */
export interface TabularSourceOptions {
  /** A method to fit statistics on this table, or saved statistics to reuse (default `minmax`). */
  normalization?: NormalizationMethod | ColumnNormalization;
}

/**
 * Rows of a numeric table as samples of shape [columns], normalized per column (see
 * {@link fitNormalization}), with one-hot labels when the table has a label column.
 */
export function tabularSource(
  table: NumericTable,
  options: TabularSourceOptions = {},
  what = 'table',
): TabularSource {
  const method = options.normalization ?? 'minmax';
  const stats = typeof method === 'string' ? fitNormalization(table.values, table.columns, method) : method;
  const source = inMemorySource(
    {
      values: normalize(table.values, stats),
      sampleShape: [table.columns.length],
      labels: table.labels,
      numClasses: table.classNames?.length,
    },
    what,
  );
  return { ...source, columns: [...table.columns], normalization: stats, classNames: table.classNames };
}
