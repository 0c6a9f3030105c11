import { parse } from 'csv-parse/sync';
import { DataError } from '@ganforge/core';
import { readDataFile } from './read-file.js';

/** The cells of a CSV file: its header, its records and the line each record starts on. */
export interface CsvCells {
  header: string[];
  records: string[][];
  /** 1-based file line on which each data record starts. */
  lines: Int32Array;
}

/**
 * Reads a CSV file's cells with csv-parse: RFC 4180 quoting (`"a, b"`, `""` for a quote, quoted
 * fields over several lines), a byte-order mark, blank lines skipped, cells trimmed. Records of
 * any length are returned (the caller names a ragged row); an unterminated quote or an empty file
 * is a DataError naming the file.
 */
export function readCsvCells(path: string, delimiter = ','): CsvCells {
  const text = readDataFile(path).toString('utf8');
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      trim: true,
    }) as unknown as typeof parsed;
  } catch (cause) {
    throw new DataError(`'${path}': cannot parse CSV: ${(cause as Error).message}`);
  }
  if (parsed.length === 0) throw new DataError(`'${path}': the file is empty (a header row is needed)`);
  const rows = parsed.slice(1);
  // csv-parse's info.lines is the line a record ends on; a record starts after the previous one ends
  // (blank lines are skipped, so count forward from there to the first line of the record's text).
  const lines = new Int32Array(rows.length);
  let previousEnd = parsed[0].info.lines;
  const textLines = text.split(/\r?\n/);
  rows.forEach((r, i) => {
    let start = previousEnd + 1;
    while (start < r.info.lines && textLines[start - 1]?.trim() === '') start++;
    lines[i] = start;
    previousEnd = r.info.lines;
  });
  return { header: parsed[0].record, records: rows.map((r) => r.record), lines };
}
