import { ConfigError, PluginError } from '../errors.js';
import type { AnyComponentDefinition, ComponentDefinition, ComponentKind } from './component.js';
import { describeUnknownComponent } from './unknown-component.js';

/** A registered component and the plugin (by package name) that registered it. */
export interface RegisteredComponent<K extends ComponentKind = ComponentKind> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly definition: ComponentDefinition<K, any>;
  /** Name of the plugin that registered it, e.g. `@ganforge/plugin-wgan`. */
  readonly plugin: string;
}

/**
 * Every component of a container, by kind and name, with the plugin that registered it.
 * `createGanContainer` fills it from each plugin's scratch container and registers it under
 * `COMPONENT_REGISTRY`; core never relies on `resolveAll` across container levels (TRAPS.md).
 */
export class ComponentRegistry {
  private readonly byKind = new Map<ComponentKind, Map<string, RegisteredComponent>>();

  /**
   * Adds a definition registered by `plugin`. Throws a {@link PluginError} naming both plugins
   * when the kind and name are taken.
   */
  add(definition: AnyComponentDefinition, plugin: string): void {
    let names = this.byKind.get(definition.kind);
    if (names === undefined) {
      names = new Map();
      this.byKind.set(definition.kind, names);
    }
    const existing = names.get(definition.name);
    if (existing !== undefined) {
      const owners =
        existing.plugin === plugin
          ? `twice by plugin "${plugin}"`
          : `by both plugin "${existing.plugin}" and plugin "${plugin}"`;
      throw new PluginError(
        `${definition.kind} "${definition.name}" is registered ${owners}. A component name has one owner: ` +
          `remove one of the plugins, or give the component another name.`,
      );
    }
    names.set(definition.name, { definition, plugin });
  }

  /** Whether a component of `kind` named `name` is registered. */
  has(kind: ComponentKind, name: string): boolean {
    return this.byKind.get(kind)?.has(name) ?? false;
  }

  /** The registered component of `kind` named `name`, or undefined. */
  find<K extends ComponentKind>(kind: K, name: string): RegisteredComponent<K> | undefined {
    return this.byKind.get(kind)?.get(name) as RegisteredComponent<K> | undefined;
  }

  /**
   * The definition of `kind` named `name`. Throws a {@link ConfigError} at `path` (the config
   * field that named it, e.g. `regularizers[0].kind`) listing the registered names of that kind
   * and the package that would add it.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get<K extends ComponentKind>(kind: K, name: string, path: string): ComponentDefinition<K, any> {
    const found = this.find(kind, name);
    if (found !== undefined) return found.definition;
    const message = describeUnknownComponent(kind, name, this.list(kind));
    throw new ConfigError(`${path}: ${message}`, path, [{ path, message }]);
  }

  /** The registered names of `kind`, sorted. */
  list(kind: ComponentKind): string[] {
    return [...(this.byKind.get(kind)?.keys() ?? [])].sort();
  }

  /** Every registered component, in registration order within each kind. */
  entries(): RegisteredComponent[] {
    return [...this.byKind.values()].flatMap((names) => [...names.values()]);
  }
}
