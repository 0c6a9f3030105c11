import type { Reporter } from '../progress/reporter.js';
import { applyOverrides } from '../config/load-config.js';
import { readRunConfig, runFolder } from '../run/run-folder.js';
import { trainRun } from '../run/train-run.js';
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';

/** Options of `ganforge resume`. */
export interface ResumeCommandOptions {
  /** A new total step count (extends a finished run). */
  steps?: number;
  sampleEvery?: number;
}

/**
 * `ganforge resume RUN_DIR`: rebuilds the GAN from the run's config, loads its last good
 * checkpoint (RNG streams, sampler position and optimizer state included) and trains on to the
 * config's `steps` (or `--steps`). Returns the exit code.
 */
export async function resumeCommand(
  dir: string,
  options: ResumeCommandOptions,
  reporter: Reporter,
): Promise<number> {
  const run = runFolder(dir);
  const config = applyOverrides(readRunConfig(run), { steps: options.steps });
  if (options.steps !== undefined) {
    writeFileSync(
      run.config,
      `# ganforge run config (steps changed by resume --steps ${options.steps}).\n# Resume: ganforge resume ${run.root}\n${stringify(config)}`,
    );
  }
  return trainRun({
    run,
    config,
    baseDir: run.root,
    resume: true,
    sampleEvery: options.sampleEvery,
    reporter,
  });
}
