import type { ZodIssue } from './format-issues.js';

/** The outcome of {@link safeParseWith}. */
export type SafeParseOutcome =
  | { status: 'valid'; data: unknown }
  | { status: 'invalid'; issues: readonly ZodIssue[] }
  | { status: 'failed'; reason: string };

/**
 * Runs a schema's `safeParse` without letting anything escape: a schema from plugin code may
 * throw (a refinement with a bug, an async refinement, a throwing getter in the input).
 */
export function safeParseWith(schema: unknown, value: unknown): SafeParseOutcome {
  try {
    const result = (schema as { safeParse(v: unknown): unknown }).safeParse(value) as
      | { success: true; data: unknown }
      | { success: false; error?: { issues?: readonly ZodIssue[] } }
      | undefined;
    if (result?.success === true) return { status: 'valid', data: result.data };
    const issues = result?.error?.issues;
    if (Array.isArray(issues)) return { status: 'invalid', issues };
    return { status: 'failed', reason: 'the schema returned no result' };
  } catch (error) {
    return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** A plain object (not an array, not null, not a class instance such as a Date or a tensor). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
