import { PluginError } from '../errors.js';
import { COMPONENT_KINDS, type AnyComponentDefinition } from './component.js';

/** Component names are kebab-case: lowercase words of letters and digits joined by `-`. */
export const COMPONENT_NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Checks that `value`, registered under `GAN_COMPONENT` by `plugin`, is a well-formed component
 * definition; throws a {@link PluginError} naming the plugin and the fault otherwise.
 */
export function assertComponentDefinition(
  value: unknown,
  plugin: string,
): asserts value is AnyComponentDefinition {
  const fault = definitionFault(value);
  if (fault !== undefined) {
    const label = isRecord(value) && typeof value.name === 'string' ? ` "${value.name}"` : '';
    throw new PluginError(`Plugin "${plugin}" registered an invalid component${label}: ${fault}.`);
  }
}

function definitionFault(value: unknown): string | undefined {
  if (!isRecord(value))
    return `expected a component definition object, found ${value === null ? 'null' : typeof value}`;
  const { kind, name, description, options, defaults, create } = value;
  if (typeof kind !== 'string' || !(COMPONENT_KINDS as readonly string[]).includes(kind)) {
    return `kind ${JSON.stringify(String(kind))} is not one of ${COMPONENT_KINDS.join(', ')}`;
  }
  if (typeof name !== 'string' || !COMPONENT_NAME_PATTERN.test(name)) {
    return `name ${JSON.stringify(String(name))} is not kebab-case (e.g. "gradient-penalty")`;
  }
  if (typeof description !== 'string')
    return 'description is missing (one line for `ganforge plugins` and docs)';
  if (!isRecord(options) || typeof options.safeParse !== 'function') {
    return 'options is missing or is not a zod schema (use z.strictObject({ … }))';
  }
  if (typeof create !== 'function') return 'create is missing or is not a function';
  if (defaults !== undefined && !isRecord(defaults)) return 'defaults must be an object when given';
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}
