import type { ConfigIssue } from '../errors.js';
import type { ComponentDefinition, ComponentKind } from '../registry/component.js';
import type { ComponentRegistry } from '../registry/component-registry.js';
import { describeUnknownComponent } from '../registry/unknown-component.js';
import { describeValue } from './describe-value.js';
import { configErrorFromIssues, formatZodIssues } from './format-issues.js';
import { joinPath } from './issue-path.js';
import { isPlainObject, safeParseWith } from './safe-parse.js';
import type { ComponentBlock } from './types.js';

/** Options of `safeParseComponentBlock`. */
export interface ParseBlockOptions {
  /** Fields core owns (trainer `dSteps`, metric `every`): not passed to the component's schema. */
  reserved?: readonly string[];
  /** Appended to every message, e.g. `(from preset "wgan-gp")`. */
  note?: string;
}

/** A validated block: the schema's parsed output plus `kind`, and the definition it names. */
export interface ParsedComponentBlock<K extends ComponentKind = ComponentKind> {
  block: ComponentBlock;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  definition: ComponentDefinition<K, any>;
  /** The plugin that registered the component. */
  plugin: string;
}

/** The outcome of `safeParseComponentBlock`. */
export type ParseBlockResult<K extends ComponentKind> =
  { success: true; value: ParsedComponentBlock<K> } | { success: false; issues: ConfigIssue[] };

/**
 * Validates one config block `{ kind, ...options }` of `kind` at `path`: the named component must
 * be registered, and the block minus `kind` (and minus `reserved` fields) must pass the
 * component's `options` schema. Collects issues instead of throwing.
 */
export function safeParseComponentBlock<K extends ComponentKind>(
  registry: ComponentRegistry,
  kind: K,
  block: unknown,
  path: string,
  options: ParseBlockOptions = {},
): ParseBlockResult<K> {
  const note = options.note === undefined ? '' : ` ${options.note}`;
  if (!isPlainObject(block) || typeof block.kind !== 'string' || block.kind === '') {
    const where = isPlainObject(block) ? joinPath(path, 'kind') : path;
    const found = isPlainObject(block) ? block.kind : block;
    const expected = isPlainObject(block) ? `the name of a ${kind}` : `a ${kind} block such as { kind: "…" }`;
    return {
      success: false,
      issues: [{ path: where, message: `expected ${expected}, found ${describeValue(found)}${note}` }],
    };
  }
  const found = registry.find(kind, block.kind);
  if (found === undefined) {
    const message = describeUnknownComponent(kind, block.kind, registry.list(kind)) + note;
    return { success: false, issues: [{ path: joinPath(path, 'kind'), message }] };
  }
  const reserved = new Set(['kind', ...(options.reserved ?? [])]);
  const componentOptions: Record<string, unknown> = {};
  for (const key of Object.keys(block)) if (!reserved.has(key)) componentOptions[key] = block[key];

  const outcome = safeParseWith(found.definition.options, componentOptions);
  if (outcome.status === 'invalid') {
    const context = {
      input: componentOptions,
      basePath: path,
      schema: found.definition.options,
      note: options.note,
    };
    return { success: false, issues: formatZodIssues(outcome.issues, context) };
  }
  if (outcome.status === 'failed') {
    const message = `expected options that ${kind} "${block.kind}" can validate, but its schema failed (${outcome.reason})${note}`;
    return { success: false, issues: [{ path, message }] };
  }
  const parsed = isPlainObject(outcome.data) ? outcome.data : componentOptions;
  return {
    success: true,
    value: { block: { ...parsed, kind: block.kind }, definition: found.definition, plugin: found.plugin },
  };
}

/**
 * Like `safeParseComponentBlock` but throws one `ConfigError` with every issue. For nested
 * blocks built later (a wrapper's inner network): `parseComponentBlock(registry, 'generator',
 * block.inner, 'generator.inner')`.
 */
export function parseComponentBlock<K extends ComponentKind>(
  registry: ComponentRegistry,
  kind: K,
  block: unknown,
  path: string,
  options: ParseBlockOptions = {},
): ParsedComponentBlock<K> {
  const result = safeParseComponentBlock(registry, kind, block, path, options);
  if (!result.success) throw configErrorFromIssues(result.issues);
  return result.value;
}
