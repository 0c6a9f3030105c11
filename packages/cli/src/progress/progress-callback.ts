import type { Callback, StepLogs } from '@ganforge/core';
import type { Reporter } from './reporter.js';

/** A {@link Callback} that reports progress, and remembers the last step's logs. */
export interface ProgressCallback extends Callback {
  lastLogs(): StepLogs | undefined;
}

/**
 * Reports every step to `reporter` with steps/s measured over the last ~2 s (so the ETA follows
 * the machine's current speed) and marks steps on the `logEvery` cadence as logged.
 */
export function progressCallback(
  reporter: Reporter,
  total: number,
  logEvery: number,
  startStep: number,
): ProgressCallback {
  let window = { t: performance.now(), step: startStep };
  let rate = 0;
  let last: StepLogs | undefined;
  return {
    name: 'progress',
    lastLogs: () => last,
    onStepEnd(logs) {
      last = logs;
      const now = performance.now();
      const seconds = (now - window.t) / 1000;
      if (seconds > 2) {
        rate = (logs.step - window.step) / seconds;
        window = { t: now, step: logs.step };
      } else if (rate === 0) {
        rate = (logs.step - window.step) / Math.max(1e-3, seconds);
      }
      reporter.progress(
        { step: logs.step, total, rate, etaSeconds: (total - logs.step) / rate, logs },
        logs.step % logEvery === 0,
      );
    },
  };
}
