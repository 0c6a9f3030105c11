import { basename, extname, resolve } from 'node:path';
import { ConfigError, createGanContainer, getRegistry, resolveConfig } from '@ganforge/core';
import { applyOverrides, readConfigFile, type ConfigOverrides } from '../config/load-config.js';
import { loadPlugins } from '../plugins/load-plugins.js';
import type { Reporter } from '../progress/reporter.js';
import { holdsRun, initRunFolder, runFolder } from '../run/run-folder.js';
import { trainRun } from '../run/train-run.js';

/** Options of `ganforge train`. */
export interface TrainCommandOptions extends ConfigOverrides {
  out?: string;
  force?: boolean;
  sampleEvery?: number;
  /** Serve the live dashboard of this run while it trains (on 127.0.0.1). */
  monitor?: boolean;
}

/** `runs/<config name>-<yyyymmdd-hhmmss>`. */
export function defaultRunDir(configPath: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return resolve('runs', `${basename(configPath, extname(configPath))}-${stamp}`);
}

/**
 * `ganforge train CONFIG`: validates the config with every plugin it names before anything is
 * written, creates the run folder and trains. Returns the exit code.
 */
export async function trainCommand(
  configPath: string,
  options: TrainCommandOptions,
  reporter: Reporter,
): Promise<number> {
  const { config: fileConfig, baseDir } = readConfigFile(configPath);
  const config = applyOverrides(fileConfig, options);
  const plugins = await loadPlugins(config.plugins, baseDir);
  resolveConfig(config, getRegistry(createGanContainer(plugins)));
  const run = runFolder(options.out ?? defaultRunDir(configPath));
  if (holdsRun(run.root) && !options.force) {
    throw new ConfigError(
      `${run.root} already holds a run: continue it with "ganforge resume ${run.root}", or pass --force to start over there`,
      '--out',
    );
  }
  if (options.force)
    await import('node:fs').then((fs) => fs.rmSync(run.root, { recursive: true, force: true }));
  initRunFolder(run, config, resolve(configPath));
  const monitor = options.monitor
    ? await import('./monitor.js').then((m) => m.openMonitor([run.root], {}, reporter))
    : undefined;
  try {
    return await trainRun({
      run,
      config,
      baseDir,
      plugins,
      resume: false,
      sampleEvery: options.sampleEvery,
      reporter,
    });
  } finally {
    await monitor?.close();
  }
}
