import { parse } from 'csv-parse/sync';
import { DataError } from '@ganforge/core';
import type { NumericTable } from '../table/tabular-source.js';
import { readDataFile } from './read-file.js';

/** Options of {@link readNumericCsv}. */
export interface ReadCsvOptions {
  /** Numeric columns to keep, by header name (default: every column but the label column). */
  columns?: string[];
  /** A column holding class labels (any text; classes are its sorted distinct values). */
  labelColumn?: string;
  /** Field delimiter (default ','). */
  delimiter?: string;
}

/**
 * Reads a CSV file with a header row into a numeric table, with csv-parse. Every kept cell must
 * be a finite number: an empty or non-numeric cell, a row with too many or too few fields, an
 * unknown column or an empty file is a DataError naming the file, the row (1-based data row and
 * its line) and the column. Nothing is skipped.
 */
export function readNumericCsv(path: string, options: ReadCsvOptions = {}): NumericTable {
  const text = readDataFile(path).toString('utf8');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: options.delimiter ?? ',',
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (cause) {
    throw new DataError(`'${path}': cannot parse CSV: ${(cause as Error).message}`);
  }
  if (records.length === 0) throw new DataError(`'${path}': the file is empty (a header row is needed)`);
  const header = records[0].record;
  const rows = records.slice(1);
  if (rows.length === 0) throw new DataError(`'${path}': no data rows after the header`);
  const find = (name: string): number => {
    const at = header.indexOf(name);
    if (at < 0) throw new DataError(`'${path}': no column '${name}' (columns: ${header.join(', ')})`);
    return at;
  };
  const labelAt = options.labelColumn !== undefined ? find(options.labelColumn) : -1;
  const columns = options.columns ?? header.filter((_, i) => i !== labelAt);
  const at = columns.map(find);
  const values = new Float32Array(rows.length * columns.length);
  const rawLabels: string[] = [];
  rows.forEach(({ record, info }, r) => {
    const where = `'${path}', row ${r + 1} (line ${info.lines})`;
    if (record.length !== header.length)
      throw new DataError(`${where}: ${record.length} fields, the header has ${header.length}`);
    at.forEach((c, j) => {
      const cell = record[c];
      const v = cell === '' ? Number.NaN : Number(cell);
      if (!Number.isFinite(v))
        throw new DataError(
          `${where}, column '${columns[j]}': ${cell === '' ? 'empty cell' : `'${cell}' is not a number`}`,
        );
      values[r * columns.length + j] = v;
    });
    if (labelAt >= 0) {
      if (record[labelAt] === '')
        throw new DataError(`${where}, column '${options.labelColumn}': empty label`);
      rawLabels.push(record[labelAt]);
    }
  });
  if (labelAt < 0) return { columns, values };
  const classNames = [...new Set(rawLabels)].sort();
  const index = new Map(classNames.map((name, i) => [name, i]));
  return { columns, values, labels: Int32Array.from(rawLabels, (l) => index.get(l)!), classNames };
}
