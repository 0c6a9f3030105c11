import { ConfigError, DataError } from '@ganforge/core';
import {
  decimalsOf,
  fitsType,
  isDateOnly,
  parseBoolean,
  parseDatetime,
  parseNumber,
} from './cell-parsers.js';
import {
  COLUMN_TYPES,
  describeCell,
  type ColumnType,
  type TableOrigin,
  type TypedColumn,
  type TypedTable,
} from './column-types.js';

/** Cells read as missing unless the config says otherwise. */
export const DEFAULT_MISSING_TOKENS: readonly string[] = ['', 'NA', '?'];

/** What the config may say about one column's type (the transform options are in {@link TableTransformOptions}). */
export interface ColumnTypeOverride {
  /** The column's type, instead of the inferred one; every non-missing cell must fit it. */
  type?: ColumnType;
  /** The categories, in this order (implies `categorical`); a cell outside them is an error. */
  categories?: readonly string[];
}

/** Options of {@link typeTable}. */
export interface TypeTableOptions {
  /** Cells that mean "missing" (default `''`, `'NA'`, `'?'`), compared after trimming. */
  missing?: readonly string[];
  /** Per-column overrides, by header name. */
  columns?: Readonly<Record<string, ColumnTypeOverride>>;
  /** Columns to leave out (identifiers, free text). */
  exclude?: readonly string[];
  /** An inferred categorical column with more distinct values than this is an error (default 100). */
  maxCategories?: number;
  /** The config path of these options in errors (default `data`). */
  configPath?: string;
}

const ARTICLE: Record<ColumnType, string> = {
  continuous: 'a number',
  integer: 'an integer',
  categorical: 'a category',
  boolean: 'a boolean (true/false, yes/no)',
  datetime: 'an ISO 8601 date or date-time',
};

/** The narrowest type that every non-missing cell fits (boolean, integer, continuous, datetime, else categorical). */
export function inferColumnType(cells: readonly string[]): ColumnType {
  return COLUMN_TYPES.find((type) => cells.every((cell) => fitsType(cell, type)))!;
}

/**
 * Types the cells of a CSV-like table: for each column (by header name), its missing cells, its
 * type (inferred as {@link inferColumnType}, or the config's override, checked against every
 * cell) and its values. Errors name the file, row and column: a ragged row, duplicate or unknown
 * column names (a ConfigError at `data.columns.NAME`), an all-missing column, an override the
 * cells contradict (a ConfigError saying which cell), a cell outside the listed categories, a
 * categorical column with more than `maxCategories` distinct values.
 */
export function typeTable(
  header: readonly string[],
  records: readonly (readonly string[])[],
  origin: TableOrigin,
  options: TypeTableOptions = {},
): TypedTable {
  const configPath = options.configPath ?? 'data';
  const missing = new Set(options.missing ?? DEFAULT_MISSING_TOKENS);
  const overrides = options.columns ?? {};
  const exclude = new Set(options.exclude ?? []);
  const seen = new Set<string>();
  header.forEach((name) => {
    if (seen.has(name)) throw new DataError(`'${origin.file}': the header names column '${name}' twice`);
    seen.add(name);
  });
  const known = `(columns: ${header.join(', ')})`;
  for (const name of Object.keys(overrides))
    if (!seen.has(name))
      throw new ConfigError(
        `${configPath}.columns.${name}: no column '${name}' in '${origin.file}' ${known}`,
        `${configPath}.columns.${name}`,
      );
  for (const name of exclude)
    if (!seen.has(name))
      throw new ConfigError(
        `${configPath}.exclude: no column '${name}' in '${origin.file}' ${known}`,
        `${configPath}.exclude`,
      );
  if (records.length === 0) throw new DataError(`'${origin.file}': no data rows after the header`);
  records.forEach((record, i) => {
    if (record.length !== header.length)
      throw new DataError(
        `${describeCell(origin, i)}: ${record.length} fields, the header has ${header.length}`,
      );
  });
  const columns: TypedColumn[] = [];
  header.forEach((name, j) => {
    if (exclude.has(name)) return;
    const cells = records.map((r) => r[j]);
    const present = cells.filter((c) => !missing.has(c));
    const nMissing = cells.length - present.length;
    if (present.length === 0)
      throw new DataError(
        `'${origin.file}', rows 2–${records.length + 1}, column '${name}': every cell is missing ` +
          `(${[...missing].map((t) => `'${t}'`).join(', ')}); leave it out with exclude: [${name}]`,
      );
    const override = overrides[name] ?? {};
    const inferred = inferColumnType(present);
    const type = override.type ?? (override.categories !== undefined ? 'categorical' : inferred);
    if (override.categories !== undefined && type !== 'categorical')
      throw new ConfigError(
        `${configPath}.columns.${name}: categories are listed but the type is ${type}; use type categorical`,
        `${configPath}.columns.${name}.categories`,
      );
    if (type !== inferred) {
      const bad = cells.findIndex((c) => !missing.has(c) && !fitsType(c, type));
      if (bad >= 0)
        throw new ConfigError(
          `${configPath}.columns.${name}: the override says ${type}, but ${describeCell(origin, bad)} holds ` +
            `'${cells[bad]}', which is not ${ARTICLE[type]} (the cells look ${inferred}); fix the cell, ` +
            `list it as missing, or drop the override`,
          `${configPath}.columns.${name}.type`,
        );
    }
    columns.push(
      typedColumn(name, type, cells, missing, nMissing, override, origin, options.maxCategories ?? 100),
    );
  });
  if (columns.length === 0)
    throw new ConfigError(`${configPath}.exclude: every column is excluded`, `${configPath}.exclude`);
  return { columns, rows: records.length, origin };
}

function typedColumn(
  name: string,
  type: ColumnType,
  cells: readonly string[],
  missing: ReadonlySet<string>,
  nMissing: number,
  override: ColumnTypeOverride,
  origin: TableOrigin,
  maxCategories: number,
): TypedColumn {
  const isMissing = (c: string) => missing.has(c);
  if (type === 'categorical') {
    const values = cells.map((c) => (isMissing(c) ? null : c));
    const distinct = [...new Set(values.filter((v): v is string => v !== null))].sort();
    if (override.categories !== undefined) {
      const listed = new Set(override.categories);
      const bad = values.findIndex((v) => v !== null && !listed.has(v));
      if (bad >= 0)
        throw new DataError(
          `${describeCell(origin, bad, name)}: unknown category '${values[bad]}' (the config lists ${override.categories.join(', ')})`,
        );
      return { name, type, missing: nMissing, values, categories: [...override.categories] };
    }
    if (distinct.length > maxCategories)
      throw new DataError(
        `'${origin.file}', column '${name}': ${distinct.length} distinct values in ${cells.length} rows look like ` +
          `identifiers or free text, not categories (maxCategories ${maxCategories}); leave it out with exclude, ` +
          `or raise maxCategories`,
      );
    return { name, type, missing: nMissing, values, categories: distinct };
  }
  if (type === 'boolean') {
    const values = cells.map((c) => (isMissing(c) ? null : parseBoolean(c)));
    const spelling = (v: boolean) => cells[values.indexOf(v)] ?? String(v);
    return {
      name,
      type,
      missing: nMissing,
      values,
      tokens: { true: spelling(true), false: spelling(false) },
    };
  }
  const values = new Float64Array(cells.length);
  let decimals = 0;
  let dateOnly = true;
  cells.forEach((c, i) => {
    if (isMissing(c)) values[i] = Number.NaN;
    else if (type === 'datetime') {
      values[i] = parseDatetime(c);
      dateOnly &&= isDateOnly(c);
    } else {
      values[i] = parseNumber(c);
      decimals = Math.max(decimals, decimalsOf(c));
    }
  });
  return {
    name,
    type,
    missing: nMissing,
    values,
    decimals: Math.min(decimals, 12),
    dateOnly: type === 'datetime' && dateOnly,
  };
}
