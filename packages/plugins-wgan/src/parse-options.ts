import { ConfigError } from '@ganforge/core';
import type { z } from 'zod';

/**
 * Parses a component's options given in code (not through a config, which core validates), so a
 * bad value is a ConfigError naming the option, like a config error, instead of a ZodError.
 */
export function parseOptions<S extends z.ZodType>(
  schema: S,
  options: unknown,
  component: string,
): z.output<S> {
  const result = schema.safeParse(options);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const detail = issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`)).join('; ');
  throw new ConfigError(`invalid ${component} options: ${detail}`, undefined, issues);
}
