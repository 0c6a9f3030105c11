import { join } from 'node:path';
import { pruneCheckpoints } from '../checkpoint/node.js';
import type { Gan } from '../gan/gan.js';
import type { Callback } from '../types/trainer.js';

/** Options of {@link checkpointCallback}. */
export interface CheckpointCallbackOptions {
  /** Folder holding `step-000120`-style checkpoint folders. */
  root: string;
  /** Cadence in steps (0: only at the end of training). */
  every: number;
  /** How many checkpoints to keep (the newest). */
  keep: number;
}

/** The folder name of the checkpoint of `step`. */
export function checkpointName(step: number): string {
  return `step-${String(step).padStart(6, '0')}`;
}

/**
 * Saves a checkpoint every `every` steps and at the end of training, keeping the newest `keep`.
 * A step that throws (e.g. a TrainingError on NaN) never reaches this callback, so the last good
 * checkpoint stays in place.
 */
export function checkpointCallback(gan: Gan, options: CheckpointCallbackOptions): Callback {
  let lastSaved = -1;
  const save = async (step: number) => {
    if (step === lastSaved || step === 0) return;
    await gan.saveCheckpoint(join(options.root, checkpointName(step)));
    await pruneCheckpoints(options.root, options.keep);
    lastSaved = step;
  };
  return {
    name: 'checkpoints',
    async onStepEnd(logs) {
      if (options.every > 0 && logs.step % options.every === 0) await save(logs.step);
    },
    async onTrainEnd(_history, ctx) {
      await save(ctx.step);
    },
  };
}
