import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from '../errors.js';
import { closestMatch } from './closest-match.js';
import { describeValue } from './describe-value.js';
import { formatPath, joinPath, valueAt } from './issue-path.js';
import { describeNumberSchema, knownKeysAt, schemaAt } from './schema-introspection.js';

/** A zod issue (zod 4). */
export type ZodIssue = z.core.$ZodIssue;

/** Where the issues of one `safeParse` belong. */
export interface IssueContext {
  /** The value that was parsed: "found" values are read from it. */
  input: unknown;
  /** Dotted path of that value inside the config (`''` for the top level). */
  basePath?: string;
  /** The schema that was used: unknown keys get "did you mean" from its keys. */
  schema?: unknown;
  /** Appended to each message, e.g. `(from preset "wgan-gp")`. */
  note?: string;
}

/**
 * Turns zod issues into {@link ConfigIssue}s with dotted paths (`regularizers[0].weight`) and
 * messages of the form `expected …, found …`, where "found" names the type and a truncated
 * preview of the value. Each unknown key is its own issue, with the closest known key suggested.
 */
export function formatZodIssues(issues: readonly ZodIssue[], context: IssueContext): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  const note = context.note === undefined ? '' : ` ${context.note}`;
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(context.schema, issue.path);
      for (const key of issue.keys) {
        const path = joinPath(context.basePath ?? '', formatPath([...issue.path, key]));
        const found = describeValue(valueAt(context.input, [...issue.path, key]));
        out.push({
          path,
          message: `${unknownKeyExpectation(key, known)}, found unknown key ${JSON.stringify(key)} with ${found}${note}`,
        });
      }
      continue;
    }
    const path = joinPath(context.basePath ?? '', formatPath(issue.path));
    const found = describeValue(valueAt(context.input, issue.path));
    out.push({ path, message: `expected ${expectation(issue, context.schema)}, found ${found}${note}` });
  }
  return out;
}

/**
 * One {@link ConfigError} for all issues: its message lists each as `<path>: <message>`, its
 * `issues` holds them in order.
 */
export function configErrorFromIssues(issues: readonly ConfigIssue[]): ConfigError {
  const lines = issues.map((issue) => `  - ${issue.path === '' ? '(config)' : issue.path}: ${issue.message}`);
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return new ConfigError(`Invalid GANForge config (${count}):\n${lines.join('\n')}`, undefined, [...issues]);
}

function unknownKeyExpectation(key: string, known: readonly string[] | undefined): string {
  if (known === undefined || known.length === 0) return 'expected no such key';
  const suggestion = closestMatch(key, known);
  if (suggestion !== undefined) return `expected a known key (did you mean ${JSON.stringify(suggestion)}?)`;
  const listed = known.length > 20 ? `${known.slice(0, 20).join(', ')}, …` : known.join(', ');
  return `expected one of the known keys (${listed})`;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  bigint: 'a bigint',
  function: 'a function',
  date: 'a date',
  undefined: 'no value',
  null: 'null',
};

function expectation(issue: ZodIssue, schema: unknown): string {
  const numeric =
    issue.code === 'too_small' ||
    issue.code === 'too_big' ||
    (issue.code === 'invalid_type' && issue.expected !== 'object');
  const number = numeric ? describeNumberSchema(schemaAt(schema, issue.path)) : undefined;
  if (number !== undefined) return number;
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_NAMES[issue.expected] ?? `a ${issue.expected}`;
    case 'too_small':
      return bound(issue.origin, issue.minimum, issue.inclusive ?? true, 'min');
    case 'too_big':
      return bound(issue.origin, issue.maximum, issue.inclusive ?? true, 'max');
    case 'invalid_value':
      return issue.values.length === 1
        ? literal(issue.values[0])
        : `one of ${issue.values.map(literal).join(', ')}`;
    case 'not_multiple_of':
      return `a multiple of ${String(issue.divisor)}`;
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue
        ? `a string matching ${String(issue.pattern)}`
        : `a string in ${issue.format} format`;
    case 'invalid_union':
      return 'a value of one of the accepted forms';
    default:
      return `a valid value (${issue.message})`;
  }
}

function bound(origin: string, limit: number | bigint, inclusive: boolean, side: 'min' | 'max'): string {
  const value = Number(limit);
  switch (origin) {
    case 'string':
      if (side === 'min')
        return value === 1 ? 'a non-empty string' : `a string of at least ${value} characters`;
      return `a string of at most ${value} characters`;
    case 'array':
    case 'set':
      return side === 'min'
        ? `at least ${value} item${value === 1 ? '' : 's'}`
        : `at most ${value} item${value === 1 ? '' : 's'}`;
    default: {
      const noun = origin === 'int' ? 'an integer' : 'a number';
      const op = side === 'min' ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
      return `${noun} ${op} ${String(limit)}`;
    }
  }
}

function literal(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
