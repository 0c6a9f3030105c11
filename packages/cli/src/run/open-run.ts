import { isAbsolute, join, resolve } from 'node:path';
import type { Gan, GanPlugin } from '@ganforge/core';
import { checkpointName, createGan } from '@ganforge/core/node';
import { loadPlugins } from '../plugins/load-plugins.js';
import type { Reporter } from '../progress/reporter.js';
import { loadLastGoodCheckpoint } from './last-good-checkpoint.js';
import { readRunConfig, runFolder, type RunFolder } from './run-folder.js';

/** A run's GAN restored from one of its checkpoints. */
export interface OpenedRun {
  run: RunFolder;
  gan: Gan;
  plugins: GanPlugin[];
  /** The checkpoint folder loaded. */
  checkpoint: string;
}

/**
 * Rebuilds a run's GAN from its config and loads a checkpoint: `checkpoint` is a step number
 * (`1200`), a folder, or undefined for the last good one.
 */
export async function openRun(
  dir: string,
  checkpoint: string | undefined,
  reporter: Reporter,
): Promise<OpenedRun> {
  const run = runFolder(dir);
  const config = readRunConfig(run);
  const plugins = await loadPlugins(config.plugins, run.root);
  const gan = await createGan(config, { plugins });
  try {
    if (checkpoint === undefined) {
      const { dir: loaded } = await loadLastGoodCheckpoint(gan, run.checkpoints, reporter);
      return { run, gan, plugins, checkpoint: loaded };
    }
    const folder = /^\d+$/.test(checkpoint)
      ? join(run.checkpoints, checkpointName(Number(checkpoint)))
      : isAbsolute(checkpoint)
        ? checkpoint
        : resolve(checkpoint);
    await gan.loadCheckpoint(folder);
    return { run, gan, plugins, checkpoint: folder };
  } catch (error) {
    gan.dispose();
    throw error;
  }
}
