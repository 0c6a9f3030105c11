import {
  createGanContainer,
  getRegistry,
  KNOWN_COMPONENTS,
  PluginError,
  type GanPlugin,
} from '@ganforge/core';
import { z } from 'zod';
import { readConfigFile } from '../config/load-config.js';
import { importPlugin, standardPlugins } from '../plugins/load-plugins.js';
import type { Reporter } from '../progress/reporter.js';

/** Options of `ganforge plugins`. */
export interface PluginsCommandOptions {
  /** Also load the plugins this config names. */
  config?: string;
  /** Print every option of every component (the human listing shows them too; JSON always has them). */
  json?: boolean;
}

/** One component in the listing, with its options as JSON Schema (zod 4's `z.toJSONSchema`). */
export interface ComponentListing {
  kind: string;
  name: string;
  description: string;
  options: Record<string, unknown>;
}

/** One plugin in the listing. */
export interface PluginListing {
  name: string;
  version?: string;
  components: ComponentListing[];
}

/** The options schema of a component as JSON Schema (input side: defaults shown, defaulted fields optional). */
export function optionsJsonSchema(schema: unknown): Record<string, unknown> {
  try {
    return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
  } catch (e) {
    return { description: `(schema not representable as JSON Schema: ${(e as Error).message})` };
  }
}

/** The GANForge plugin packages (from core's component table) beyond the standard ones. */
export function knownPluginPackages(): string[] {
  const all = new Set<string>();
  for (const byName of Object.values(KNOWN_COMPONENTS)) for (const pkg of Object.values(byName)) all.add(pkg);
  return [...all].filter((p) => p.startsWith('@ganforge/plugin-')).sort();
}

/** Lists every component each plugin registers (core's own under `@ganforge/core`). */
export function listPlugins(plugins: GanPlugin[]): PluginListing[] {
  const registry = getRegistry(createGanContainer(plugins));
  const byPlugin = new Map<string, PluginListing>();
  const versions = new Map(plugins.map((p) => [p.name, p.version]));
  for (const entry of registry.entries()) {
    let listing = byPlugin.get(entry.plugin);
    if (!listing) {
      listing = { name: entry.plugin, version: versions.get(entry.plugin), components: [] };
      byPlugin.set(entry.plugin, listing);
    }
    const d = entry.definition;
    listing.components.push({
      kind: d.kind,
      name: d.name,
      description: d.description,
      options: optionsJsonSchema(d.options),
    });
  }
  // Core first, then the plugins in the order they were given (dependencies register earlier).
  const order = ['@ganforge/core', ...plugins.map((p) => p.name)];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return [...byPlugin.values()].sort((a, b) => rank(a.name) - rank(b.name));
}

function describeOption(name: string, schema: Record<string, unknown>, required: boolean): string {
  const type = Array.isArray(schema.enum)
    ? schema.enum.map((v) => JSON.stringify(v)).join('|')
    : typeof schema.type === 'string'
      ? schema.type === 'array' && (schema.items as { type?: string } | undefined)?.type
        ? `${(schema.items as { type: string }).type}[]`
        : schema.type
      : schema.anyOf || schema.oneOf
        ? 'union'
        : 'any';
  const dflt = 'default' in schema ? ` = ${JSON.stringify(schema.default)}` : required ? ' (required)' : '';
  const desc = typeof schema.description === 'string' ? `  ${schema.description}` : '';
  return `      ${name}: ${type}${dflt}${desc}`;
}

/** The human listing: plugins, their components, and each option's type, default and description. */
export function formatPluginListing(listings: PluginListing[], missing: string[]): string {
  const lines: string[] = [];
  for (const p of listings) {
    lines.push(`${p.name}${p.version ? ` ${p.version}` : ''}`);
    for (const c of p.components) {
      lines.push(`  ${c.kind} ${c.name}: ${c.description}`);
      const props = (c.options.properties ?? {}) as Record<string, Record<string, unknown>>;
      const required = new Set((c.options.required as string[] | undefined) ?? []);
      for (const [name, schema] of Object.entries(props))
        lines.push(describeOption(name, schema, required.has(name)));
    }
  }
  if (missing.length > 0)
    lines.push(
      '',
      `not installed: ${missing.join(', ')} (npm i <package>, then name it in a config's plugins: list)`,
    );
  return lines.join('\n');
}

/**
 * `ganforge plugins`: the standard plugins, every installed GANForge plugin package, and those a
 * config names (`--config`) or given as arguments, with the components each registers and their
 * option schemas. Returns the exit code.
 */
export async function pluginsCommand(
  specs: string[],
  options: PluginsCommandOptions,
  reporter: Reporter,
): Promise<number> {
  const plugins = await standardPlugins();
  const missing: string[] = [];
  for (const pkg of knownPluginPackages()) {
    try {
      plugins.push(await importPlugin(pkg, process.cwd()));
    } catch (e) {
      if (!(e instanceof PluginError)) throw e;
      if (/cannot be found/.test(e.message)) missing.push(pkg);
      else reporter.warn(e.message);
    }
  }
  const fromConfig = options.config ? readConfigFile(options.config) : undefined;
  for (const spec of [...(fromConfig?.config.plugins ?? []), ...specs]) {
    const plugin = await importPlugin(spec, fromConfig?.baseDir ?? process.cwd());
    if (!plugins.some((p) => p.name === plugin.name)) plugins.push(plugin);
  }
  const listings = listPlugins(plugins);
  if (reporter.mode === 'json')
    process.stdout.write(JSON.stringify({ plugins: listings, notInstalled: missing }, null, 2) + '\n');
  else process.stdout.write(formatPluginListing(listings, missing) + '\n');
  return 0;
}
