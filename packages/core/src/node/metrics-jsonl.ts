import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Callback, StepLogs } from '../types/trainer.js';

/** Options of {@link metricsJsonlWriter}. */
export interface MetricsJsonlOptions {
  /** Write every `every` steps (default 1). The last step is always written. */
  every?: number;
}

/**
 * Appends one JSON object per logged step to `path` (DESIGN.md's `metrics.jsonl`): `step`,
 * `time` (Unix seconds) and every StepLogs field under its snake_case name. Put it after metric
 * callbacks so their values are in the same line. Lines are appended synchronously, so a crash
 * loses nothing already logged.
 */
export function metricsJsonlWriter(path: string, options: MetricsJsonlOptions = {}): Callback {
  const every = options.every ?? 1;
  let lastWritten = -1;
  const write = (logs: StepLogs) => {
    const { step, ...values } = logs;
    appendFileSync(path, JSON.stringify({ step, time: Date.now() / 1000, ...values }) + '\n');
    lastWritten = logs.step;
  };
  let lastLogs: StepLogs | undefined;
  return {
    name: 'metrics-jsonl',
    onTrainBegin() {
      mkdirSync(dirname(path), { recursive: true });
    },
    onStepEnd(logs) {
      lastLogs = logs;
      if (logs.step % every === 0) write(logs);
    },
    onTrainEnd() {
      if (lastLogs && lastLogs.step !== lastWritten) write(lastLogs);
    },
  };
}
