import { ConfigError, GanForgeError, type ConfigIssue } from '../errors.js';
import type { BuildContext, PresetConfig } from '../registry/component.js';
import type { ComponentRegistry } from '../registry/component-registry.js';
import { describeUnknownComponent } from '../registry/unknown-component.js';
import { formatZodIssues } from './format-issues.js';
import { presetConfigSchema } from './schema.js';
import { safeParseWith } from './safe-parse.js';

/** The outcome of {@link resolvePreset}. */
export type PresetResult =
  { success: true; preset: PresetConfig } | { success: false; issues: ConfigIssue[] };

/**
 * Looks up the preset `name` and calls its `create` with its default options. A preset is data
 * about a run, made before any random stream or network exists: its context has `latentDim` but
 * no `rng` and no `build`. What it returns is checked against the preset config schema; every
 * problem is an issue at path `preset`.
 */
export function resolvePreset(registry: ComponentRegistry, name: string, latentDim: number): PresetResult {
  const found = registry.find('preset', name);
  if (found === undefined) {
    return {
      success: false,
      issues: [
        { path: 'preset', message: describeUnknownComponent('preset', name, registry.list('preset')) },
      ],
    };
  }
  const label = `preset "${name}"`;
  const fail = (message: string): PresetResult => ({
    success: false,
    issues: [{ path: 'preset', message: `${label} ${message}` }],
  });

  const options = safeParseWith(found.definition.options, {});
  if (options.status !== 'valid') {
    const reason =
      options.status === 'failed'
        ? options.reason
        : formatZodIssues(options.issues, { input: {} }).map(describeIssue).join('; ');
    return fail(`cannot be created with default options, which is all a config gives it (${reason})`);
  }

  let created: unknown;
  try {
    created = found.definition.create(options.data, presetContext(label, latentDim));
  } catch (error) {
    if (error instanceof ConfigError)
      return fail(`rejected the config: ${error.issues.map(describeIssue).join('; ') || error.message}`);
    if (error instanceof GanForgeError) throw error;
    return fail(`failed to create its config (${error instanceof Error ? error.message : String(error)})`);
  }

  const checked = safeParseWith(presetConfigSchema, created);
  if (checked.status === 'invalid') {
    const inner = formatZodIssues(checked.issues, { input: created, schema: presetConfigSchema });
    return fail(
      `(registered by ${found.plugin}) returned an invalid config: ${inner.map(describeIssue).join('; ')}`,
    );
  }
  if (checked.status === 'failed') return fail(`returned a config that cannot be read (${checked.reason})`);
  return { success: true, preset: created as PresetConfig };
}

function describeIssue(issue: ConfigIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}

function presetContext(label: string, latentDim: number): BuildContext {
  const refuse = (what: string): never => {
    throw new ConfigError(
      `${label} used ${what}, which does not exist while a config is resolved: presets return data only`,
      'preset',
    );
  };
  return {
    latentDim,
    sampleShape: [],
    get rng(): never {
      return refuse('the random stream');
    },
    build: () => refuse('build()'),
  } as BuildContext;
}
