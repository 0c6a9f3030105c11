import { PluginError } from '../errors.js';
import type { GanPlugin } from '../types/plugin.js';
import { deepDifference } from './deep-difference.js';

/**
 * Orders plugins for registration: each plugin's dependencies first, depth-first, each plugin
 * once. A plugin listed again (directly or as a dependency) is skipped when its name, version and
 * options equal the first listing; otherwise it is a {@link PluginError} naming the difference.
 * A dependency cycle is a {@link PluginError} too.
 */
export function flattenPlugins(plugins: readonly unknown[]): GanPlugin[] {
  const ordered: GanPlugin[] = [];
  const byName = new Map<string, GanPlugin>();
  const visiting: string[] = [];

  const visit = (candidate: unknown, via: string): void => {
    const plugin = checkPlugin(candidate, via);
    const first = byName.get(plugin.name);
    if (first !== undefined) {
      assertSameListing(first, plugin);
      return;
    }
    if (visiting.includes(plugin.name)) {
      throw new PluginError(`Plugin dependency cycle: ${[...visiting, plugin.name].join(' → ')}.`);
    }
    visiting.push(plugin.name);
    for (const dependency of plugin.dependencies ?? []) visit(dependency, `a dependency of "${plugin.name}"`);
    visiting.pop();
    byName.set(plugin.name, plugin);
    ordered.push(plugin);
  };

  for (const plugin of plugins) visit(plugin, 'plugins');
  return ordered;
}

function checkPlugin(candidate: unknown, via: string): GanPlugin {
  const plugin = candidate as Partial<GanPlugin> | null | undefined;
  if (
    typeof plugin !== 'object' ||
    plugin === null ||
    typeof plugin.name !== 'string' ||
    plugin.name === ''
  ) {
    throw new PluginError(
      `Invalid plugin in ${via}: expected an object with a name and register(container), found ${describe(candidate)}.`,
    );
  }
  if (typeof plugin.register !== 'function') {
    throw new PluginError(`Plugin "${plugin.name}" (in ${via}) has no register(container) function.`);
  }
  if (plugin.dependencies !== undefined && !Array.isArray(plugin.dependencies)) {
    throw new PluginError(`Plugin "${plugin.name}": dependencies must be an array of plugins.`);
  }
  return plugin as GanPlugin;
}

function assertSameListing(first: GanPlugin, again: GanPlugin): void {
  if (first === again) return;
  const difference =
    first.version !== again.version
      ? `version: ${JSON.stringify(first.version)} vs ${JSON.stringify(again.version)}`
      : deepDifference(first.options, again.options, 'options');
  if (difference !== undefined) {
    throw new PluginError(
      `Plugin "${first.name}" is listed twice (directly or as a dependency) with different settings: ${difference}. ` +
        `List it once, or create every listing with the same version and options.`,
    );
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
