import { DataError } from '@ganforge/core';

/**
 * A table column's type, as `@ganforge/data` types it: `continuous`, `integer` and `datetime`
 * are numeric (SDMetrics' `numerical` and `datetime` sdtypes); `categorical` and `boolean` are
 * discrete (SDMetrics' `categorical` and `boolean`).
 */
export type TableColumnType = 'continuous' | 'integer' | 'categorical' | 'boolean' | 'datetime';

/** A column the table scores compare: its name and type (`@ganforge/data`'s `ColumnInfo` fits). */
export interface TableColumnSpec {
  readonly name: string;
  readonly type: TableColumnType;
}

/** One cell: a number, a category, a boolean, an ISO 8601 date string (or ms since 1970), or `null` (missing). */
export type TableCell = number | string | boolean | null;

/** One row by column name (what `TableCodec.decode` returns). */
export type TableRecord = Readonly<Record<string, TableCell>>;

/** A numeric column's values as float64, NaN where missing (datetimes as ms since 1970-01-01 UTC). */
export interface NumericValues {
  readonly name: string;
  readonly type: 'continuous' | 'integer' | 'datetime';
  readonly kind: 'numeric';
  readonly values: Float64Array;
}

/** A discrete column's categories as strings (`'true'`/`'false'` for booleans), null where missing. */
export interface DiscreteValues {
  readonly name: string;
  readonly type: 'categorical' | 'boolean';
  readonly kind: 'discrete';
  readonly keys: readonly (string | null)[];
}

/** One column of a {@link PreparedTable}. */
export type ColumnValues = NumericValues | DiscreteValues;

/** A table in the form the scores read: one typed array or key list per column. */
export interface PreparedTable {
  readonly rows: number;
  readonly columns: readonly ColumnValues[];
}

/** Whether a column type is numeric (compared by KS, Pearson r, range-scaled distances). */
export function isNumericType(type: TableColumnType): type is NumericValues['type'] {
  return type === 'continuous' || type === 'integer' || type === 'datetime';
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * An ISO 8601 date (`2024-03-01`) or date-time as ms since 1970-01-01 UTC; a date-time without a
 * zone is read as UTC (as `@ganforge/data` reads it), so the result does not depend on the machine.
 */
export function datetimeMs(value: string): number {
  const text = DATE_TIME.test(value) ? `${value.replace(' ', 'T')}Z` : value;
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
}

function numericCell(type: NumericValues['type'], cell: TableCell, where: () => string): number {
  if (cell === null) return Number.NaN;
  if (typeof cell === 'number' && !Number.isNaN(cell)) return cell;
  if (type === 'datetime' && typeof cell === 'string') {
    const ms = datetimeMs(cell);
    if (!Number.isNaN(ms)) return ms;
  }
  const expected = type === 'datetime' ? 'an ISO 8601 date or ms since 1970' : 'a number';
  throw new DataError(
    `${where()}: expected ${expected} (or null for missing), found ${JSON.stringify(cell)}`,
  );
}

function discreteCell(type: DiscreteValues['type'], cell: TableCell, where: () => string): string | null {
  if (cell === null) return null;
  if (type === 'boolean' && typeof cell === 'boolean') return String(cell);
  if (type === 'categorical' && (typeof cell === 'string' || typeof cell === 'number')) return String(cell);
  const expected = type === 'boolean' ? 'true or false' : 'a category (string)';
  throw new DataError(
    `${where()}: expected ${expected} (or null for missing), found ${JSON.stringify(cell)}`,
  );
}

/** Checks a schema: at least one column, names unique (a DataError names the duplicate). */
export function checkSchema(columns: readonly TableColumnSpec[]): void {
  if (columns.length === 0) throw new DataError('table scores: the schema lists no columns');
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.name)) throw new DataError(`table scores: the schema lists column '${c.name}' twice`);
    seen.add(c.name);
  }
}

/**
 * Reads `rows` into one typed column per schema column. `what` names the table in errors, which
 * also name the row (0-based, as in the array) and the column: a cell of the wrong kind, a
 * column a row lacks (use null for missing), an empty table.
 */
export function prepareTable(
  columns: readonly TableColumnSpec[],
  rows: readonly TableRecord[],
  what: string,
): PreparedTable {
  if (rows.length === 0) throw new DataError(`${what}: no rows`);
  const prepared = columns.map((c): ColumnValues => {
    const cellAt = (i: number): TableCell => {
      const cell = rows[i][c.name];
      if (cell === undefined)
        throw new DataError(`${what}[${i}]: no column '${c.name}' (use null for a missing cell)`);
      return cell;
    };
    const where = (i: number) => () => `${what}[${i}], column '${c.name}'`;
    if (isNumericType(c.type)) {
      const type = c.type;
      const values = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) values[i] = numericCell(type, cellAt(i), where(i));
      return { name: c.name, type, kind: 'numeric', values };
    }
    const type = c.type as DiscreteValues['type'];
    const keys = rows.map((_, i) => discreteCell(type, cellAt(i), where(i)));
    return { name: c.name, type, kind: 'discrete', keys };
  });
  return { rows: rows.length, columns: prepared };
}

/** The mean of the finite entries of `values` (NaN when there are none). */
export function finiteMean(values: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (const v of values)
    if (Number.isFinite(v)) {
      sum += v;
      n++;
    }
  return n > 0 ? sum / n : Number.NaN;
}
