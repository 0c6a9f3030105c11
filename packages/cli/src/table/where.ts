import { ConfigError } from '@ganforge/core';
import { parseBoolean, parseInteger, type CellValue, type ColumnInfo, type TableRow } from '@ganforge/data';

/** One `--where COLUMN=VALUE` condition, checked against the run's schema. */
export interface WhereCondition {
  readonly column: string;
  /** The value in the decoded rows' form (null: missing). */
  readonly value: CellValue;
  /** The value as a category label of the column's one-hot block (`'Adelie'`, `'true'`), for a conditional generator. */
  readonly label: string;
  /** As the user wrote it, for messages. */
  readonly text: string;
}

/** Whether a decoded row meets every condition. */
export function meetsAll(row: TableRow, conditions: readonly WhereCondition[]): boolean {
  return conditions.every((c) => row[c.column] === c.value);
}

/**
 * Parses `--where` conditions (`species=Adelie`, `has_card=yes`, `year=2008`, `sex=` for
 * missing) against the run's columns and the categories it was trained on. Conditions take a
 * categorical, boolean or integer column; errors name the flag, the column and what is allowed.
 */
export function parseWhere(
  texts: readonly string[],
  schema: readonly ColumnInfo[],
  categories: ReadonlyMap<string, ReadonlySet<string>>,
): WhereCondition[] {
  const fail = (message: string): never => {
    throw new ConfigError(`--where: ${message}`, '--where');
  };
  const seen = new Set<string>();
  return texts.map((text) => {
    const eq = text.indexOf('=');
    if (eq <= 0) fail(`"${text}": expected COLUMN=VALUE (e.g. species=Adelie; VALUE empty for missing)`);
    const column = text.slice(0, eq).trim();
    const raw = text.slice(eq + 1).trim();
    const info = schema.find((c) => c.name === column);
    if (info === undefined)
      return fail(
        `${text}: no column '${column}' in this run (columns: ${schema.map((c) => c.name).join(', ')})`,
      );
    if (seen.has(column)) fail(`${text}: column '${column}' is conditioned twice`);
    seen.add(column);
    if (raw === '') return { column, value: null, label: '<missing>', text: `${column}= (missing)` };
    switch (info.type) {
      case 'categorical': {
        const known = categories.get(column);
        if (known && !known.has(raw))
          fail(
            `${text}: '${raw}' is not a category of '${column}' (seen in training: ${[...known].join(', ')})`,
          );
        return { column, value: raw, label: raw, text };
      }
      case 'boolean': {
        const lower = raw.toLowerCase();
        const tokens = info.tokens;
        const value =
          tokens && lower === tokens.true.toLowerCase()
            ? true
            : tokens && lower === tokens.false.toLowerCase()
              ? false
              : parseBoolean(raw);
        if (value === null) return fail(`${text}: column '${column}' is boolean: use true/false or yes/no`);
        return { column, value, label: String(value), text };
      }
      case 'integer': {
        const value = parseInteger(raw);
        if (Number.isNaN(value)) fail(`${text}: column '${column}' holds integers, found '${raw}'`);
        return { column, value, label: raw, text };
      }
      default:
        return fail(
          `${text}: column '${column}' is ${info.type}; conditioning takes a categorical, boolean or integer column (an exact ${info.type} value is almost never generated)`,
        );
    }
  });
}
