import type { ColumnType } from './column-types.js';

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const TRUE = new Set(['true', 'yes']);
const FALSE = new Set(['false', 'no']);

/** A cell read as a number, or NaN when it is not one (`1e3`, `-2.5`, `.5`; not `0x10`, `Inf`, ` 1`). */
export function parseNumber(cell: string): number {
  return NUMBER.test(cell) ? Number(cell) : Number.NaN;
}

/** A cell read as a whole number (`42`, `-7`; not `4.0`), or NaN. */
export function parseInteger(cell: string): number {
  return INTEGER.test(cell) && Number.isSafeInteger(Number(cell)) ? Number(cell) : Number.NaN;
}

/** `true`/`yes` → true, `false`/`no` → false (any case), anything else → null. */
export function parseBoolean(cell: string): boolean | null {
  const lower = cell.toLowerCase();
  return TRUE.has(lower) ? true : FALSE.has(lower) ? false : null;
}

/**
 * An ISO 8601 date (`2024-03-01`) or date-time (`2024-03-01T12:30`, `2024-03-01 12:30:05.250Z`,
 * `…+02:00`) as milliseconds since 1970-01-01 UTC, or NaN. A time without a zone is read as UTC,
 * so the result does not depend on the machine's time zone; impossible dates (`2023-02-30`) are NaN.
 */
export function parseDatetime(cell: string): number {
  const m = DATETIME.exec(cell);
  if (m === null) return Number.NaN;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = Date.UTC(+y, +mo - 1, +d, +(h ?? 0), +(mi ?? 0), +(s ?? 0), frac ? Math.round(+frac * 1000) : 0);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== +y || check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d)
    return Number.NaN;
  if (zone === undefined || zone === 'Z') return ms;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return ms - sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
}

/** Whether a cell is a date without a time part. */
export function isDateOnly(cell: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(cell);
}

/** Digits after the decimal point of a plain decimal cell (`3.250` → 3; `1e-3` → 0: exponents are not counted). */
export function decimalsOf(cell: string): number {
  const dot = cell.indexOf('.');
  return dot < 0 || /[eE]/.test(cell) ? 0 : cell.length - dot - 1;
}

/** Whether a (non-missing) cell can be read as a value of `type`. */
export function fitsType(cell: string, type: ColumnType): boolean {
  switch (type) {
    case 'boolean':
      return parseBoolean(cell) !== null;
    case 'integer':
      return !Number.isNaN(parseInteger(cell));
    case 'continuous':
      return !Number.isNaN(parseNumber(cell));
    case 'datetime':
      return !Number.isNaN(parseDatetime(cell));
    case 'categorical':
      return true;
  }
}
