/**
 * The type of a table column: `continuous` (real numbers), `integer`, `categorical` (any text),
 * `boolean` (true/false or yes/no, any case) or `datetime` (ISO 8601 dates or date-times).
 */
export type ColumnType = 'continuous' | 'integer' | 'categorical' | 'boolean' | 'datetime';

/** Every column type, in the order inference tries them (the narrowest first, categorical last). */
export const COLUMN_TYPES: readonly ColumnType[] = [
  'boolean',
  'integer',
  'continuous',
  'datetime',
  'categorical',
];

/** One cell in the user's units: a number, a category, a boolean, an ISO date string, or `null` (missing). */
export type CellValue = number | string | boolean | null;

/** One table row in the user's units, by column name. */
export type TableRow = Record<string, CellValue>;

/** Properties shared by every typed column. */
interface TypedColumnBase {
  readonly name: string;
  /** Missing cells (a missing-value token such as '', 'NA' or '?'). */
  readonly missing: number;
}

/**
 * A numeric column (`continuous`, `integer`, or `datetime` as milliseconds since 1970-01-01 UTC):
 * values as float64, NaN where a cell is missing.
 */
export interface NumericColumn extends TypedColumnBase {
  readonly type: 'continuous' | 'integer' | 'datetime';
  readonly values: Float64Array;
  /** Most digits after the decimal point in the file's cells (decoded values are rounded to it). */
  readonly decimals: number;
  /** For datetime: every cell was a date without a time (decoded as YYYY-MM-DD). */
  readonly dateOnly: boolean;
}

/** A categorical column: its cells, `null` where missing, and its categories (sorted, or as the config lists them). */
export interface CategoricalColumn extends TypedColumnBase {
  readonly type: 'categorical';
  readonly values: readonly (string | null)[];
  readonly categories: readonly string[];
}

/** A boolean column, with the file's spellings of true and false (for writing rows back). */
export interface BooleanColumn extends TypedColumnBase {
  readonly type: 'boolean';
  readonly values: readonly (boolean | null)[];
  readonly tokens: { readonly true: string; readonly false: string };
}

/** A column after typing. */
export type TypedColumn = NumericColumn | CategoricalColumn | BooleanColumn;

/** A typed table: columns of equal length, and where its rows came from (for error messages). */
export interface TypedTable {
  readonly columns: readonly TypedColumn[];
  readonly rows: number;
  readonly origin: TableOrigin;
}

/** Where a table's rows came from, so that errors can name file, row and line. */
export interface TableOrigin {
  /** The file (or another name for the data). */
  readonly file: string;
  /** The file line on which each data row starts (1-based), when known. */
  readonly lines?: ArrayLike<number>;
}

/**
 * Names a cell for an error message: `'file.csv', row 5 (line 5), column 'age'`. Rows are
 * numbered as in a spreadsheet: the header is row 1, data row i (0-based) is row i + 2; the line
 * differs from the row when quoted fields span lines.
 */
export function describeCell(origin: TableOrigin, row: number, column?: string): string {
  const line = origin.lines?.[row];
  const where = `'${origin.file}', row ${row + 2}${line !== undefined ? ` (line ${line})` : ''}`;
  return column === undefined ? where : `${where}, column '${column}'`;
}
