import { DataError } from '@ganforge/core';
import {
  DEFAULT_MISSING_TOKENS,
  describeCell,
  formatDatetime,
  parseBoolean,
  parseDatetime,
  parseInteger,
  parseNumber,
  type CellValue,
  type ColumnInfo,
  type TableOrigin,
  type TableRow,
} from '@ganforge/data';
import { readCsvCells } from '@ganforge/data/node';

/** How to read a CSV file against a run's schema. */
export interface ReadTableRowsOptions {
  /** Cells read as missing (default the `table` source's: '', 'NA', '?'). */
  missing?: readonly string[];
  delimiter?: string;
  /** Categories each categorical column was trained on; others are counted in `unseen`. */
  categories?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A category of a file that the run never saw in training. */
export interface UnseenCategory {
  readonly column: string;
  readonly value: string;
  /** Cells holding it. */
  readonly count: number;
  /** The first of them, as `'file.csv', row 5 (line 5)`. */
  readonly first: string;
}

/** Rows read with a run's schema. */
export interface TableRows {
  readonly rows: TableRow[];
  readonly unseen: readonly UnseenCategory[];
  /** Header columns the schema does not list (left out). */
  readonly ignored: readonly string[];
}

const EXPECTED: Record<ColumnInfo['type'], string> = {
  continuous: 'a number',
  integer: 'an integer',
  categorical: 'a category',
  boolean: 'a boolean (true/false, yes/no)',
  datetime: 'an ISO 8601 date or date-time',
};

function readCell(info: ColumnInfo, cell: string): CellValue | undefined {
  switch (info.type) {
    case 'categorical':
      return cell;
    case 'boolean':
      return parseBoolean(cell) ?? undefined;
    case 'integer': {
      const v = parseInteger(cell);
      return Number.isNaN(v) ? undefined : v;
    }
    case 'continuous': {
      const v = parseNumber(cell);
      return Number.isNaN(v) ? undefined : v;
    }
    case 'datetime': {
      const ms = parseDatetime(cell);
      return Number.isNaN(ms) ? undefined : formatDatetime(ms, info.dateOnly === true);
    }
  }
}

/**
 * Reads a CSV file's rows with a run's schema (column names and types from its `table`
 * source): every schema column must be in the header (others are left out and listed in
 * `ignored`); a cell that is not a value of its column's type is a DataError naming the file,
 * row, line and column; categories the run never saw are kept and counted in `unseen`.
 */
export function readTableRows(
  path: string,
  schema: readonly ColumnInfo[],
  options: ReadTableRowsOptions = {},
): TableRows {
  const cells = readCsvCells(path, options.delimiter ?? ',');
  const origin: TableOrigin = { file: path, lines: cells.lines };
  const missing = new Set(options.missing ?? DEFAULT_MISSING_TOKENS);
  const at = new Map<string, number>();
  cells.header.forEach((name, j) => {
    if (at.has(name)) throw new DataError(`'${path}': the header names column '${name}' twice`);
    at.set(name, j);
  });
  const absent = schema.filter((c) => !at.has(c.name)).map((c) => c.name);
  if (absent.length > 0)
    throw new DataError(
      `'${path}': no column ${absent.map((n) => `'${n}'`).join(', ')} in the header (the run's columns: ${schema
        .map((c) => c.name)
        .join(', ')})`,
    );
  if (cells.records.length === 0) throw new DataError(`'${path}': no data rows after the header`);
  const unseen = new Map<string, { column: string; value: string; count: number; first: string }>();
  const rows = cells.records.map((record, i): TableRow => {
    if (record.length !== cells.header.length)
      throw new DataError(
        `${describeCell(origin, i)}: ${record.length} fields, the header has ${cells.header.length}`,
      );
    const row: TableRow = {};
    for (const info of schema) {
      const cell = record[at.get(info.name)!];
      if (missing.has(cell)) {
        row[info.name] = null;
        continue;
      }
      const value = readCell(info, cell);
      if (value === undefined)
        throw new DataError(
          `${describeCell(origin, i, info.name)}: '${cell}' is not ${EXPECTED[info.type]} (the run's column is ${info.type})`,
        );
      const known = options.categories?.get(info.name);
      if (known && typeof value === 'string' && !known.has(value)) {
        const key = `${info.name}\u0000${value}`;
        const entry = unseen.get(key) ?? {
          column: info.name,
          value,
          count: 0,
          first: describeCell(origin, i),
        };
        entry.count++;
        unseen.set(key, entry);
      }
      row[info.name] = value;
    }
    return row;
  });
  const names = new Set(schema.map((c) => c.name));
  return { rows, unseen: [...unseen.values()], ignored: cells.header.filter((h) => !names.has(h)) };
}
