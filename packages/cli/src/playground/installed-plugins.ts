import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { conventionalFactoryName } from '../plugins/load-plugins.js';

/** Browser-safe standard packages the playground always includes. */
const STANDARD = ['@ganforge/losses', '@ganforge/models', '@ganforge/data'];

function ganforgeDirs(from: string): string[] {
  const dirs: string[] = [];
  for (let dir = from; ; dir = dirname(dir)) {
    const scope = join(dir, 'node_modules', '@ganforge');
    if (existsSync(scope)) dirs.push(scope);
    if (dirname(dir) === dir) return dirs;
  }
}

/**
 * The plugin packages installed where the CLI runs: the standard browser-safe ones plus every
 * `@ganforge/plugin-*` found in a `node_modules/@ganforge` folder above the working directory or
 * the CLI itself, plus `extra` package names.
 */
export function installedPluginPackages(extra: string[] = [], cwd = process.cwd()): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const found = new Set<string>(STANDARD);
  for (const scope of [...ganforgeDirs(cwd), ...ganforgeDirs(here)]) {
    for (const name of readdirSync(scope)) if (name.startsWith('plugin-')) found.add(`@ganforge/${name}`);
  }
  for (const e of extra) found.add(e);
  return [...found].sort();
}

/** Source of the `ganforge:installed-plugins` module the playground bundle imports. */
export function installedPluginsModule(packages: string[]): string {
  const imports = packages.map((p, i) => `import * as m${i} from ${JSON.stringify(p)};`);
  const entries = packages.map(
    (p, i) =>
      `{ name: ${JSON.stringify(p)}, create: () => m${i}[${JSON.stringify(conventionalFactoryName(p))}]() }`,
  );
  return `${imports.join('\n')}\nexport const installedPlugins = [\n  ${entries.join(',\n  ')}\n];\n`;
}
