import { createRequire } from 'node:module';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PluginError, type GanPlugin } from '@ganforge/core';

/** Packages whose plugins the CLI always registers (a config may list them too: harmless). */
export const STANDARD_PLUGIN_PACKAGES = [
  '@ganforge/losses',
  '@ganforge/models',
  '@ganforge/data',
  '@ganforge/metrics',
] as const;

/** The plugins of the standard packages: losses, models, data (Node entry: MNIST, CSV, …), metrics. */
export async function standardPlugins(): Promise<GanPlugin[]> {
  const [losses, models, data, metrics] = await Promise.all([
    import('@ganforge/losses'),
    import('@ganforge/models'),
    import('@ganforge/data/node'),
    import('@ganforge/metrics'),
  ]);
  return [losses.lossesPlugin(), models.modelsPlugin(), data.dataPlugin(), metrics.metricsPlugin()];
}

/**
 * The plugin factory name a package exports by convention (as core's install hints say):
 * `@ganforge/plugin-wgan` → `wganPlugin`, `@ganforge/losses` → `lossesPlugin`.
 */
export function conventionalFactoryName(spec: string): string {
  const base = spec
    .replace(/^@[^/]+\//, '')
    .replace(/^plugin-/, '')
    .replace(/\.[cm]?[jt]s$/, '')
    .replace(/^.*[\\/]/, '');
  return `${base.replace(/[-_.]([a-z0-9])/gi, (_, c: string) => c.toUpperCase())}Plugin`;
}

function isPlugin(value: unknown): value is GanPlugin {
  const v = value as Partial<GanPlugin> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.name === 'string' && typeof v.register === 'function'
  );
}

/**
 * The plugin a module provides: its conventional factory (`wganPlugin` for
 * `@ganforge/plugin-wgan`), else its only export whose name ends in `Plugin`, else its default
 * export; a factory is called without arguments, a plugin object is used as it is.
 */
export function pluginFromModule(mod: Record<string, unknown>, spec: string): GanPlugin {
  const conventional = conventionalFactoryName(spec);
  const named = Object.keys(mod).filter(
    (k) => k.endsWith('Plugin') && (typeof mod[k] === 'function' || isPlugin(mod[k])),
  );
  const key =
    conventional in mod
      ? conventional
      : named.length === 1
        ? named[0]
        : named.length === 0 && mod.default !== undefined
          ? 'default'
          : undefined;
  if (key === undefined) {
    const why =
      named.length > 1
        ? `it exports several (${named.join(', ')}) and none is named ${conventional}`
        : 'it exports no plugin factory';
    throw new PluginError(
      `plugin "${spec}": ${why}. A plugin module exports a factory named like ${conventional}() (or a default export) returning { name, register(container) }.`,
    );
  }
  const exported = mod[key];
  let plugin: unknown;
  try {
    plugin = typeof exported === 'function' ? (exported as () => unknown)() : exported;
  } catch (e) {
    throw new PluginError(`plugin "${spec}": ${key}() threw: ${(e as Error).message}`);
  }
  if (!isPlugin(plugin)) {
    throw new PluginError(`plugin "${spec}": ${key} did not give a plugin ({ name, register(container) })`);
  }
  return plugin;
}

/** Whether `e` says the plugin module itself is missing (not one of its own imports). */
function pluginMissing(e: unknown, spec: string, url: string | undefined): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  if (
    code !== 'MODULE_NOT_FOUND' &&
    code !== 'ERR_MODULE_NOT_FOUND' &&
    code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED'
  )
    return false;
  const target = /^Cannot find (?:module|package) '([^']+)'/.exec((e as Error).message)?.[1];
  return (
    target === undefined ||
    target === spec ||
    target === url ||
    (url !== undefined && target === fileURLToPath(url))
  );
}

/**
 * Imports one plugin module: a local file (absolute path, as the config loader makes it) or a
 * package name, resolved first from `baseDir` (the config's project), then from the CLI's own
 * installation.
 */
export async function importPlugin(spec: string, baseDir: string): Promise<GanPlugin> {
  let url: string | undefined;
  if (isAbsolute(spec)) url = pathToFileURL(spec).href;
  else {
    try {
      url = pathToFileURL(createRequire(join(baseDir, 'noop.js')).resolve(spec)).href;
    } catch {
      url = undefined;
    }
  }
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url ?? spec)) as Record<string, unknown>;
  } catch (e) {
    if (pluginMissing(e, spec, url)) {
      const hint = isAbsolute(spec)
        ? 'check the path (relative paths are resolved against the config file)'
        : `install it: npm i ${spec}`;
      throw new PluginError(`plugin "${spec}" cannot be found: ${hint}`);
    }
    throw new PluginError(`plugin "${spec}" failed to load: ${(e as Error).message}`);
  }
  return pluginFromModule(mod, spec);
}

/**
 * The standard plugins plus those a config names (`plugins:`), in that order. Standard packages
 * listed in the config are skipped (the CLI already registers them; `@ganforge/data` is
 * registered through its Node entry).
 */
export async function loadPlugins(
  names: readonly string[] | undefined,
  baseDir: string,
): Promise<GanPlugin[]> {
  const extra = (names ?? []).filter(
    (n) => !(STANDARD_PLUGIN_PACKAGES as readonly string[]).includes(n) && n !== '@ganforge/data/node',
  );
  const plugins = await standardPlugins();
  for (const name of extra) plugins.push(await importPlugin(name, baseDir));
  return plugins;
}
