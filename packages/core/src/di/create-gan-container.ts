import { GanForgeError, PluginError } from '../errors.js';
import type { AnyComponentDefinition } from '../registry/component.js';
import { ComponentRegistry } from '../registry/component-registry.js';
import { corePlugin } from '../registry/core-plugin.js';
import { flattenPlugins } from '../registry/flatten-plugins.js';
import { assertComponentDefinition } from '../registry/validate-definition.js';
import type { GanPlugin } from '../types/plugin.js';
import { COMPONENT_REGISTRY, GAN_COMPONENT } from './tokens.js';
import { rootContainer, type DependencyContainer } from './tsyringe.js';

/**
 * Creates the container of one GAN: a child of `parent` (default: tsyringe's root container,
 * which is never registered into), holding a {@link ComponentRegistry} under
 * `COMPONENT_REGISTRY` with core's components and those of `plugins`.
 *
 * Plugins register in dependency order (dependencies first, depth-first; core first of all),
 * each once. Each plugin's `register` runs on its own fresh scratch child container, and core
 * reads the `GAN_COMPONENT` registrations made there, so it knows which plugin registered what
 * (only those registrations are read). Throws a `PluginError` for two plugins registering one
 * component, a plugin listed twice with different version or options, a malformed component
 * definition, or a plugin whose `register` fails.
 *
 * ```ts
 * const container = createGanContainer([lossesPlugin(), wganPlugin()]);
 * const registry = getRegistry(container);
 * ```
 */
export function createGanContainer(plugins: GanPlugin[], parent?: DependencyContainer): DependencyContainer {
  if (!Array.isArray(plugins)) {
    throw new PluginError(
      `createGanContainer expects an array of plugins, found ${plugins === null ? 'null' : typeof plugins}.`,
    );
  }
  const container = (parent ?? rootContainer).createChildContainer();
  const registry = new ComponentRegistry();
  for (const plugin of flattenPlugins([corePlugin(), ...plugins])) {
    for (const definition of registrationsOf(plugin, container)) registry.add(definition, plugin.name);
  }
  container.register(COMPONENT_REGISTRY, { useValue: registry });
  return container;
}

/**
 * The {@link ComponentRegistry} of a container made by {@link createGanContainer} (or a child of
 * one). Throws a `PluginError` for any other container.
 */
export function getRegistry(container: DependencyContainer): ComponentRegistry {
  if (!container.isRegistered(COMPONENT_REGISTRY, true)) {
    throw new PluginError(
      'This container has no component registry: create it with createGanContainer(plugins).',
    );
  }
  return container.resolve(COMPONENT_REGISTRY);
}

/** Runs `plugin.register` on a scratch child container and returns what it registered there. */
function registrationsOf(plugin: GanPlugin, container: DependencyContainer): AnyComponentDefinition[] {
  const scratch = container.createChildContainer();
  try {
    plugin.register(scratch);
  } catch (error) {
    if (error instanceof GanForgeError) throw error;
    throw new PluginError(`Plugin "${plugin.name}" failed to register its components: ${messageOf(error)}`);
  }
  // resolveAll on a child without its own registration would fall through to the parents
  // (TRAPS.md), so only read the scratch container when it holds registrations itself.
  if (!scratch.isRegistered(GAN_COMPONENT, false)) return [];
  let registered: unknown[];
  try {
    registered = scratch.resolveAll(GAN_COMPONENT);
  } catch (error) {
    throw new PluginError(
      `Plugin "${plugin.name}" registered a component that cannot be resolved: ${messageOf(error)}`,
    );
  }
  for (const definition of registered) assertComponentDefinition(definition, plugin.name);
  return registered as AnyComponentDefinition[];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
