import { closestMatch } from '../config/closest-match.js';
import { COMPONENT_KINDS, type ComponentKind } from './component.js';
import { KIND_PLURALS } from './kind-labels.js';
import { knownPackageOf, pluginFactoryName } from './known-components.js';

/**
 * Explains why `name` is not a registered component of `kind`: which names of that kind are
 * registered, and which package would add it (from the component-name table) or which registered
 * name looks like a typo of it.
 */
export function describeUnknownComponent(
  kind: ComponentKind,
  name: string,
  registered: readonly string[],
): string {
  const plural = KIND_PLURALS[kind];
  const parts = [`${kind} "${name}" is not registered.`];
  parts.push(
    registered.length > 0
      ? `Registered ${plural}: ${registered.join(', ')}.`
      : `No ${plural} are registered.`,
  );
  const pkg = knownPackageOf(kind, name);
  if (pkg === '@ganforge/core') {
    parts.push(
      `It is built into @ganforge/core: create the container with createGanContainer(), which always registers core's components.`,
    );
  } else if (pkg !== undefined) {
    parts.push(`It is provided by ${pkg}: npm i ${pkg} and add ${pluginFactoryName(pkg)}() to plugins.`);
  } else {
    const typo = closestMatch(name, registered);
    if (typo !== undefined) parts.push(`Did you mean "${typo}"?`);
    const otherKind = COMPONENT_KINDS.find((k) => k !== kind && knownPackageOf(k, name) !== undefined);
    if (otherKind !== undefined) parts.push(`"${name}" is a ${otherKind}, not a ${kind}.`);
    else if (typo === undefined)
      parts.push(
        `No GANForge package provides it: check the spelling, or the plugin that should register it.`,
      );
  }
  return parts.join(' ');
}
