import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a job's run folder stands: `finished` (summary.json says completed), `resumable` (a
 * checkpoint exists), `started` (a run began but wrote no checkpoint: it starts over) or `new`.
 */
export type JobState = 'finished' | 'resumable' | 'started' | 'new';

/** Steps of the checkpoints in a run folder (`checkpoints/step-000050` → 50), ascending. */
export function checkpointSteps(runDir: string): number[] {
  const root = join(runDir, 'checkpoints');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((n) => /^step-\d+$/.test(n) && existsSync(join(root, n, 'manifest.json')))
    .map((n) => Number(n.slice(5)))
    .sort((a, b) => a - b);
}

/** The `summary.json` of a run, or undefined when it has none (or an unreadable one). */
export function readSummary(runDir: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The state of the job whose run folder is `runDir`. */
export function jobState(runDir: string): JobState {
  if (readSummary(runDir)?.status === 'completed') return 'finished';
  if (checkpointSteps(runDir).length > 0) return 'resumable';
  return existsSync(join(runDir, 'config.yaml')) ? 'started' : 'new';
}

/** Removes what a run that wrote no checkpoint left, keeping the folder's job log and attempts. */
export function clearStartedRun(runDir: string): void {
  for (const name of [
    'config.yaml',
    'resolved-config.json',
    'metrics.jsonl',
    'summary.json',
    'samples',
    'plots',
    'checkpoints',
  ])
    rmSync(join(runDir, name), { recursive: true, force: true });
}

/**
 * A run killed after its last checkpoint but before `summary.json` cannot be resumed (it is at its
 * final step: nothing to train, so no summary). Moves such checkpoints aside
 * (`checkpoints/.final-step-000100`) so the resume retrains the last stretch, exactly as before on
 * the same backend, and ends with a summary. Returns the steps moved aside.
 */
export function setAsideFinalCheckpoints(runDir: string): number[] {
  let steps: unknown;
  try {
    steps = (JSON.parse(readFileSync(join(runDir, 'resolved-config.json'), 'utf8')) as { steps?: unknown })
      .steps;
  } catch {
    return [];
  }
  if (typeof steps !== 'number') return [];
  const moved = checkpointSteps(runDir).filter((s) => s >= steps);
  for (const s of moved) {
    const name = `step-${String(s).padStart(6, '0')}`;
    const aside = join(runDir, 'checkpoints', `.final-${name}`);
    rmSync(aside, { recursive: true, force: true });
    renameSync(join(runDir, 'checkpoints', name), aside);
  }
  return moved;
}
