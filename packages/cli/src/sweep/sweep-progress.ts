import type { Reporter } from '../progress/reporter.js';
import { formatDuration } from '../progress/format.js';

/** Counts of a sweep's jobs. */
export interface SweepCounts {
  total: number;
  done: number;
  running: number;
  failed: number;
  /** Of `done`: jobs that had finished before and were not run again. */
  skipped: number;
}

/** The overall line of a sweep: `sweep ring-lr: 4/6 done (1 skipped), 2 running, 0 failed, 0 queued, 12s`. */
export function formatSweepCounts(name: string, c: SweepCounts, seconds: number): string {
  const queued = Math.max(0, c.total - c.done - c.running - c.failed);
  const skipped = c.skipped > 0 ? ` (${c.skipped} skipped)` : '';
  return `sweep ${name}: ${c.done}/${c.total} done${skipped}, ${c.running} running, ${c.failed} failed, ${queued} queued, ${formatDuration(seconds)}`;
}

/**
 * One progress display for a whole sweep: redrawn in place on a terminal, a line per change in a
 * pipe, a `sweep-progress` event per change with `--json`.
 */
export function sweepProgress(reporter: Reporter, name: string): (c: SweepCounts) => void {
  const started = performance.now();
  let last = '';
  return (c) => {
    const key = JSON.stringify(c);
    if (key === last) return;
    last = key;
    const seconds = (performance.now() - started) / 1000;
    if (reporter.mode === 'json') return reporter.event('sweep-progress', { ...c, seconds });
    if (reporter.mode === 'tty') {
      process.stderr.write(`\r\x1b[2K${formatSweepCounts(name, c, seconds)}`);
      if (c.done + c.failed === c.total) process.stderr.write('\n');
      return;
    }
    reporter.info(formatSweepCounts(name, c, seconds));
  };
}
