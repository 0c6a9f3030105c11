import type { CellValue, ColumnInfo, TableRow } from '@ganforge/data';

/**
 * One CSV field: quoted (RFC 4180, `"` doubled) when it holds the delimiter, a quote, a line
 * break, or leading or trailing spaces (which a reader that trims cells would lose).
 */
export function csvField(text: string, delimiter = ','): string {
  const needsQuotes =
    text.includes(delimiter) || /["\r\n]/.test(text) || (text.length > 0 && text.trim() !== text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document from a header and records of text cells (lines end in `\n`). */
export function formatCsv(
  header: readonly string[],
  records: readonly (readonly string[])[],
  delimiter = ',',
): string {
  const line = (cells: readonly string[]) => cells.map((c) => csvField(c, delimiter)).join(delimiter);
  return [header, ...records].map(line).join('\n') + '\n';
}

/**
 * A decoded cell as the file wrote it: missing as an empty cell, a boolean in the file's own
 * tokens (`yes`/`no`, `TRUE`/`FALSE`), numbers in their shortest exact form (integers stay
 * integers; the codec already rounded continuous values to the column's decimals), datetimes
 * and categories as the codec returns them (ISO 8601; one of the seen categories).
 */
export function formatCell(info: ColumnInfo, value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean')
    return value ? (info.tokens?.true ?? 'true') : (info.tokens?.false ?? 'false');
  return String(value);
}

/** Decoded table rows as CSV under the original column names, in the schema's order. */
export function formatTableCsv(
  columns: readonly ColumnInfo[],
  rows: readonly TableRow[],
  delimiter = ',',
): string {
  return formatCsv(
    columns.map((c) => c.name),
    rows.map((row) => columns.map((c) => formatCell(c, row[c.name] ?? null))),
    delimiter,
  );
}
