import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// Helpers of the publishing tests: build packages, `npm pack` them, install the tarballs into a
// temporary project outside the workspace (TRAPS.md: offline, from the cache `npm ci` filled).

const execFileAsync = promisify(execFile);

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Every published package's folder, by package name. */
export const PUBLISHED_PACKAGES: Readonly<Record<string, string>> = {
  '@ganforge/core': 'packages/core',
  '@ganforge/losses': 'packages/losses',
  '@ganforge/models': 'packages/models',
  '@ganforge/data': 'packages/data',
  '@ganforge/metrics': 'packages/metrics',
  '@ganforge/plugin-wgan': 'packages/plugins-wgan',
  '@ganforge/plugin-cgan': 'packages/plugins-cgan',
  '@ganforge/plugin-ebgan': 'packages/plugins-ebgan',
  '@ganforge/plugin-unrolled': 'packages/plugins-unrolled',
  '@ganforge/plugin-minibatch': 'packages/plugins-minibatch',
  '@ganforge/plugin-pacgan': 'packages/plugins-pacgan',
  '@ganforge/plugin-augment': 'packages/plugins-augment',
  '@ganforge/plugin-ctgan': 'packages/plugins-ctgan',
  '@ganforge/cli': 'packages/cli',
};

/** The example third-party plugin (private to the repository, packed like the others). */
export const EXAMPLE_PLUGIN = {
  name: 'ganforge-plugin-relativistic',
  dir: 'examples/third-party-plugin',
} as const;

const folderOf = (name: string): string =>
  name === EXAMPLE_PLUGIN.name ? EXAMPLE_PLUGIN.dir : (PUBLISHED_PACKAGES[name] ?? name);

/** Environment for child commands: no nx daemon or cloud, no colors, no update notices. */
export const childEnv = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
};

/** Runs a command; rejects with its output when it fails. */
export async function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = childEnv,
): Promise<{ stdout: string; stderr: string }> {
  try {
    return await execFileAsync(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}:\n${e.stderr ?? ''}\n${e.stdout ?? ''}\n${e.message}`,
      {
        cause: error,
      },
    );
  }
}

/** Builds packages (and what they depend on) into their `dist/` with nx; cached between runs. */
export async function buildPackages(names: readonly string[]): Promise<void> {
  await run('npx', ['nx', 'run-many', '-t', 'build', '-p', ...names, '--outputStyle=static'], repoRoot);
}

/** One file of `npm pack --json` output. */
export interface PackedFile {
  path: string;
  size: number;
}

/** What `npm pack --json` reports about one package. */
export interface PackResult {
  name: string;
  version: string;
  filename: string;
  files: PackedFile[];
}

/** `npm pack --json` of one package (into `destination`, or `--dry-run` when it is undefined). */
export async function pack(name: string, destination?: string): Promise<PackResult> {
  const args = ['pack', '--json', '--ignore-scripts'];
  if (destination === undefined) args.push('--dry-run');
  else args.push('--pack-destination', destination);
  const { stdout } = await run('npm', args, join(repoRoot, folderOf(name)));
  const [result] = JSON.parse(stdout) as PackResult[];
  return result;
}

/** Packs packages into `destination`; returns the tarball path of each, by name. */
export async function packAll(
  names: readonly string[],
  destination: string,
): Promise<Record<string, string>> {
  mkdirSync(destination, { recursive: true });
  const results = await Promise.all(names.map((name) => pack(name, destination)));
  return Object.fromEntries(results.map((r) => [r.name, join(destination, r.filename)]));
}

/**
 * Writes a consumer project's package.json with the tarballs as its only dependencies and runs
 * `npm install --offline` there (registry dependencies such as @tensorflow/tfjs and zod come from
 * the npm cache; `--prefer-offline` is the fallback where the cache lacks some metadata).
 */
export async function installTarballs(projectDir: string, tarballs: Record<string, string>): Promise<void> {
  const dependencies = Object.fromEntries(
    Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]),
  );
  writeFileSync(
    join(projectDir, 'package.json'),
    JSON.stringify(
      { name: 'ganforge-consumer', version: '0.0.0', private: true, type: 'module', dependencies },
      null,
      2,
    ),
  );
  const args = ['install', '--no-audit', '--no-fund', '--ignore-scripts'];
  try {
    await run('npm', [...args, '--offline'], projectDir);
  } catch {
    await run('npm', [...args, '--prefer-offline'], projectDir);
  }
}
