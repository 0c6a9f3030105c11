import * as tf from '@tensorflow/tfjs';
import { ConfigError, Rng } from '@ganforge/core';
import { inMemorySource, type InMemorySource } from '../images/labelled-images.js';
import type { TableRow, TypedTable } from './column-types.js';
import type { TableTransformOptions } from './fit-column.js';
import { fitTableCodec, type ColumnInfo, type TableCodec } from './table-codec.js';
import type { TableLayout } from './transforms/layout.js';

/** Options of {@link tableSource}. */
export interface TableSourceOptions extends TableTransformOptions {
  /**
   * Share of the rows held out (default 0), drawn by a seeded permutation; the transforms are
   * fitted on the other rows, and the held-out rows are encoded with them (`source.heldOut`).
   */
  heldOut?: number;
}

/**
 * A data source over the encoded rows [D] of a mixed-type table, which keeps its transforms so
 * that samples go back to the user's units (DESIGN.md, "Seams").
 */
export interface TableSource extends InMemorySource {
  /** The encoded row's layout: tanh spans and one-hot (softmax) groups per column. */
  readonly layout: TableLayout;
  /** The columns: name, type, how datetimes and booleans are written. */
  readonly schema: readonly ColumnInfo[];
  /** The fitted transforms. */
  readonly codec: TableCodec;
  /** Which rows of the table (0-based data rows) this source holds. */
  readonly rowIndices: Int32Array;
  /** The held-out rows, encoded with the same transforms, when `heldOut` > 0. */
  readonly heldOut?: TableSource;
  /** Decodes encoded rows (a [n, D] tensor, e.g. `gan.sample`, or row-major values) into rows. */
  decode(x: tf.Tensor | ArrayLike<number>): TableRow[];
  /** Encodes rows in the user's units; an unknown category or a wrong value is a DataError naming row and column. */
  encode(rows: readonly TableRow[]): Float32Array;
}

/** The seeded split of {@link tableSource}: sorted training and held-out row indices. */
export function splitRows(
  rows: number,
  heldOut: number,
  seed: number,
): { train: Int32Array; heldOut: Int32Array } {
  if (!(heldOut >= 0 && heldOut < 1))
    throw new ConfigError(`data.heldOut: expected a share in [0, 1), found ${heldOut}`, 'data.heldOut');
  const count = Math.round(heldOut * rows);
  if (heldOut > 0 && (count === 0 || count === rows))
    throw new ConfigError(
      `data.heldOut: ${heldOut} of ${rows} rows leaves ${count === 0 ? 'nothing held out' : 'no training rows'}`,
      'data.heldOut',
    );
  const permutation = new Rng(seed, 'table-split').permutation(rows);
  const sorted = (a: Int32Array) => a.slice().sort();
  return { train: sorted(permutation.subarray(count)), heldOut: sorted(permutation.subarray(0, count)) };
}

function source(
  table: TypedTable,
  codec: TableCodec,
  rows: Int32Array,
  seed: number,
  stream: string,
  heldOut?: TableSource,
): TableSource {
  const values = codec.encodeTable(table, new Rng(seed, stream), rows);
  const base = inMemorySource({ values, sampleShape: [codec.layout.width] }, `table '${table.origin.file}'`);
  const encodeRng = new Rng(seed, `${stream}:encode`);
  return {
    ...base,
    layout: codec.layout,
    schema: codec.columns,
    codec,
    rowIndices: rows,
    ...(heldOut ? { heldOut } : {}),
    decode(x) {
      return codec.decode(x instanceof tf.Tensor ? x.dataSync() : x);
    },
    encode(rowsIn) {
      return codec.encodeRows(rowsIn, encodeRng);
    },
  };
}

/**
 * A data source over a typed table (see `typeTable`): each column goes through its reversible
 * transform (one-hot; CTGAN's mode-specific normalization, Xu et al. 2019, arXiv:1907.00503;
 * CTAB-GAN's mixed encoding, Zhao et al. 2021, arXiv:2102.08369; or min-max), fitted on the
 * training rows with seeded mixtures; a sample is an encoded row [D] whose layout is
 * `source.layout`; `source.decode` turns generated rows back into the user's units. Modes are
 * drawn once, when the rows are encoded (as CTGAN's transformer does), from the `seed`'s stream.
 */
export function tableSource(table: TypedTable, options: TableSourceOptions = {}): TableSource {
  const seed = options.seed ?? 0;
  const split = splitRows(table.rows, options.heldOut ?? 0, seed);
  const codec = fitTableCodec(table, options, split.train);
  const heldOut =
    split.heldOut.length > 0 ? source(table, codec, split.heldOut, seed, 'table-modes-held-out') : undefined;
  return source(table, codec, split.train, seed, 'table-modes', heldOut);
}
