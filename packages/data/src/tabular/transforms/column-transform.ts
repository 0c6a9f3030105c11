import type { Rng } from '@ganforge/core';
import type { OutputSpan, TransformKind } from './layout.js';

/** Names the cell of row i of a column in an error message (see `describeCell`). */
export type CellLocator = (row: number) => string;

/** The output of a transform's `forward`: a row-major block [rows, width] and its spans. */
export interface EncodedBlock {
  readonly values: Float32Array;
  readonly rows: number;
  readonly width: number;
  readonly spans: readonly OutputSpan[];
}

/** Where a transform's block sits inside wider rows: row i starts at `i · stride + offset`. */
export interface BlockView {
  stride: number;
  offset: number;
}

/**
 * A fitted, reversible transform of one column. `V` is the column's value type: `number` (NaN =
 * missing) for numeric columns, `string | null` for categories. `forward` encodes values into a
 * block whose layout is `spans`; `inverse` decodes a block (or a column block inside wider rows)
 * back to the user's values: integers stay integers, values are clipped to the seen range and
 * rounded to the seen precision, categories stay within the seen set, missing comes back where
 * the column has it. `forward` may draw from `rng` (mode-specific normalization samples a mode).
 */
export interface ColumnTransform<V> {
  readonly kind: TransformKind;
  readonly column: string;
  readonly width: number;
  /** The spans of the block, starting at 0. */
  readonly spans: readonly OutputSpan[];
  forward(values: ArrayLike<V>, rng: Rng, locate?: CellLocator): EncodedBlock;
  inverse(block: ArrayLike<number>, rows: number, view?: BlockView): V[];
  /** The fitted parameters, as JSON (for run folders and reports). */
  toJSON(): Record<string, unknown>;
}
