import { CheckpointError, type Gan } from '@ganforge/core';
import { listCheckpoints } from '@ganforge/core/node';
import type { Reporter } from '../progress/reporter.js';

/**
 * Loads the newest checkpoint under `root` that loads cleanly; a corrupt or truncated one (a
 * CheckpointError: checksum, missing file, other architecture) is reported and the one before it
 * is tried. `Gan.loadCheckpoint` changes nothing when it fails, so a failed try leaves no trace.
 */
export async function loadLastGoodCheckpoint(
  gan: Gan,
  root: string,
  reporter: Reporter,
): Promise<{ step: number; dir: string }> {
  const all = await listCheckpoints(root);
  if (all.length === 0)
    throw new CheckpointError(
      `no checkpoint in ${root}: nothing to resume (the run stopped before its first checkpoint)`,
      root,
    );
  const failures: string[] = [];
  for (const entry of [...all].reverse()) {
    try {
      await gan.loadCheckpoint(entry.dir);
      return { step: gan.stepCount, dir: entry.dir };
    } catch (error) {
      if (!(error instanceof CheckpointError)) throw error;
      failures.push(`${entry.name}: ${error.message}`);
      reporter.warn(`skipping checkpoint ${entry.dir}: ${error.message}`);
    }
  }
  throw new CheckpointError(`no usable checkpoint in ${root}:\n  ${failures.join('\n  ')}`, root);
}
