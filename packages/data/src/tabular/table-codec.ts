import { DataError, type Rng } from '@ganforge/core';
import { parseDatetime } from './cell-parsers.js';
import {
  describeCell,
  type CellValue,
  type TableRow,
  type TypedColumn,
  type TypedTable,
} from './column-types.js';
import {
  fitColumnTransform,
  transformInput,
  type TableTransformOptions,
  type TransformInput,
} from './fit-column.js';
import type { ColumnTransform } from './transforms/column-transform.js';
import { shiftSpans, type ColumnLayout, type TableLayout } from './transforms/layout.js';

/** What decoding needs to know about a column besides its transform. */
export interface ColumnInfo {
  readonly name: string;
  readonly type: TypedColumn['type'];
  /** Datetime columns whose cells were all dates (decoded as YYYY-MM-DD). */
  readonly dateOnly?: boolean;
  /** Boolean columns: the file's spellings of true and false. */
  readonly tokens?: { readonly true: string; readonly false: string };
}

/**
 * A table's fitted transforms: encodes typed columns or rows into rows of width D (the layout),
 * decodes encoded rows back to rows in the user's units. Every column goes in and comes back
 * through the same reversible transform.
 */
export interface TableCodec {
  readonly layout: TableLayout;
  readonly columns: readonly ColumnInfo[];
  readonly transforms: readonly (ColumnTransform<number> | ColumnTransform<string | null>)[];
  /** Encodes `rows` (default all) of a typed table: row-major [rows, D]. Modes are drawn from `rng`. */
  encodeTable(table: TypedTable, rng: Rng, rows?: ArrayLike<number>): Float32Array;
  /** Encodes rows in the user's units (as `decode` returns them); `what` names them in errors. */
  encodeRows(rows: readonly TableRow[], rng: Rng, what?: string): Float32Array;
  /** Decodes row-major [n, D] values (e.g. generated samples) into rows in the user's units. */
  decode(values: ArrayLike<number>): TableRow[];
  /** The fitted transforms as JSON. */
  toJSON(): Record<string, unknown>;
}

const DAY_MS = 86_400_000;

/** Formats ms since the epoch as the column's ISO form (date only, or date-time without zero milliseconds). */
export function formatDatetime(ms: number, dateOnly: boolean): string {
  const iso = new Date(ms).toISOString();
  return dateOnly ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

function toCell(info: ColumnInfo, v: number | string | null): CellValue {
  if (v === null || (typeof v === 'number' && Number.isNaN(v))) return null;
  if (info.type === 'boolean') return v === 'true';
  if (info.type === 'datetime') {
    const ms = info.dateOnly ? Math.round((v as number) / DAY_MS) * DAY_MS : (v as number);
    return formatDatetime(ms, info.dateOnly === true);
  }
  return v;
}

/** A row's cell in the form the column's transform takes; a value of the wrong kind is a DataError. */
function fromCell(info: ColumnInfo, value: CellValue | undefined, where: string): number | string | null {
  if (value === undefined) throw new DataError(`${where}: no value (use null for missing)`);
  if (value === null) return info.type === 'categorical' || info.type === 'boolean' ? null : Number.NaN;
  switch (info.type) {
    case 'categorical':
      if (typeof value === 'string') return value;
      break;
    case 'boolean':
      if (typeof value === 'boolean') return String(value);
      break;
    case 'datetime': {
      const ms = typeof value === 'string' ? parseDatetime(value) : Number.NaN;
      if (!Number.isNaN(ms)) return ms;
      break;
    }
    default:
      if (typeof value === 'number' && Number.isFinite(value)) {
        if (info.type === 'integer' && !Number.isInteger(value)) break;
        return value;
      }
  }
  throw new DataError(`${where}: ${JSON.stringify(value)} is not a value of type ${info.type}`);
}

/**
 * Fits every column's transform ({@link fitColumnTransform}) on `rows` of the table (default
 * all: pass the training rows of a split) and lays the blocks out in column order.
 */
export function fitTableCodec(
  table: TypedTable,
  options: TableTransformOptions = {},
  rows?: ArrayLike<number>,
): TableCodec {
  const transforms = table.columns.map((c) => fitColumnTransform(c, options, rows));
  const columns: ColumnInfo[] = table.columns.map((c) => ({
    name: c.name,
    type: c.type,
    ...(c.type === 'datetime' ? { dateOnly: c.dateOnly } : {}),
    ...(c.type === 'boolean' ? { tokens: c.tokens } : {}),
  }));
  let start = 0;
  const layoutColumns: ColumnLayout[] = transforms.map((t, j) => {
    const block: ColumnLayout = {
      column: t.column,
      type: columns[j].type,
      transform: t.kind,
      start,
      width: t.width,
      spans: shiftSpans(t.spans, start),
    };
    start += t.width;
    return block;
  });
  const layout: TableLayout = {
    width: start,
    columns: layoutColumns,
    spans: layoutColumns.flatMap((c) => c.spans),
  };
  const d = layout.width;
  const assemble = (
    inputs: TransformInput[],
    n: number,
    rng: Rng,
    locate: (row: number, column: string) => string,
  ) => {
    const out = new Float32Array(n * d);
    transforms.forEach((t, j) => {
      const block = (t as ColumnTransform<number | string | null>).forward(inputs[j], rng, (i) =>
        locate(i, t.column),
      );
      const { start: at, width } = layoutColumns[j];
      for (let i = 0; i < n; i++) out.set(block.values.subarray(i * width, (i + 1) * width), i * d + at);
    });
    return out;
  };
  return {
    layout,
    columns,
    transforms,
    encodeTable(t, rng, picked) {
      const n = picked?.length ?? t.rows;
      const inputs = t.columns.map((c) => transformInput(c, picked));
      return assemble(inputs, n, rng, (i, column) =>
        describeCell(t.origin, picked === undefined ? i : picked[i], column),
      );
    },
    encodeRows(rowsIn, rng, what = 'rows') {
      const inputs = columns.map((info) => {
        const cells = rowsIn.map((r, i) =>
          fromCell(info, r[info.name], `${what}[${i}], column '${info.name}'`),
        );
        return (
          info.type === 'categorical' || info.type === 'boolean'
            ? cells
            : Float64Array.from(cells as number[])
        ) as TransformInput;
      });
      return assemble(inputs, rowsIn.length, rng, (i, column) => `${what}[${i}], column '${column}'`);
    },
    decode(values) {
      if (values.length % d !== 0)
        throw new DataError(`${values.length} values are not whole encoded rows of width ${d}`);
      const n = values.length / d;
      const rowsOut: TableRow[] = Array.from({ length: n }, () => ({}));
      transforms.forEach((t, j) => {
        const decoded = t.inverse(values, n, { stride: d, offset: layoutColumns[j].start });
        for (let i = 0; i < n; i++) rowsOut[i][t.column] = toCell(columns[j], decoded[i]);
      });
      return rowsOut;
    },
    toJSON: () => ({ width: d, columns: transforms.map((t) => t.toJSON()) }),
  };
}
