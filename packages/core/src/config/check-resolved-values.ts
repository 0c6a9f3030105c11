import { z } from 'zod';
import type { ConfigIssue } from '../errors.js';
import type { ComponentRegistry } from '../registry/component-registry.js';
import { describeUnknownComponent } from '../registry/unknown-component.js';
import { configErrorFromIssues, formatZodIssues } from './format-issues.js';
import { safeParseWith } from './safe-parse.js';
import { optimizersSchema } from './schema.js';
import type { ResolvedConfig } from './types.js';

const NETWORKS = ['generator', 'discriminator'] as const;

/** Values whose source is not the user are checked again once resolved (component defaults). */
const resolvedValuesSchema = z.object({
  trainer: z.object({ dSteps: z.number().int().positive() }),
  optimizers: optimizersSchema,
  batchSize: z.number().int().positive(),
});

/** Checks values that came from presets or component defaults, and the optimizers' kinds. */
export function checkResolvedValues(resolved: ResolvedConfig, registry: ComponentRegistry): void {
  const issues: ConfigIssue[] = [];
  const outcome = safeParseWith(resolvedValuesSchema, resolved);
  if (outcome.status === 'invalid') {
    for (const issue of formatZodIssues(outcome.issues, { input: resolved, schema: resolvedValuesSchema })) {
      const source = resolved.sources[issue.path];
      issues.push(
        source === undefined || source === 'user'
          ? issue
          : { ...issue, message: `${issue.message} (value from ${source})` },
      );
    }
  }
  for (const net of NETWORKS) {
    const path = `optimizers.${net}.kind`;
    const kind = resolved.optimizers[net].kind;
    if (
      typeof kind === 'string' &&
      !registry.has('optimizer', kind) &&
      !issues.some((i) => i.path === path)
    ) {
      const source = resolved.sources[path];
      const note = source === 'user' ? '' : ` (value from ${source})`;
      issues.push({
        path,
        message: describeUnknownComponent('optimizer', kind, registry.list('optimizer')) + note,
      });
    }
  }
  if (issues.length > 0) throw configErrorFromIssues(issues);
}
