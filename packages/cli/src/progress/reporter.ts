import { formatProgressBar, formatProgressFields, plainLineEvery, type ProgressState } from './format.js';

/** How a command reports: a redrawn bar on a terminal, plain lines in a pipe, JSON lines for machines. */
export type ReportMode = 'tty' | 'plain' | 'json';

/** Where a command's messages and progress go. */
export interface Reporter {
  readonly mode: ReportMode;
  /** A line for people (in `json` mode, an `{"event":"message"}` line). */
  info(message: string): void;
  /** A warning for people, on stderr (in `json` mode, an `{"event":"warning"}` line on stdout). */
  warn(message: string): void;
  /** A machine-readable event (only printed in `json` mode). */
  event(name: string, data: Record<string, unknown>): void;
  /** Progress after a step; `logged` tells whether this step is a logging step. */
  progress(state: ProgressState, logged: boolean): void;
  /** Ends a progress bar line, if one is drawn. */
  endProgress(): void;
}

/** Streams a reporter writes to (process.stdout/stderr by default; tests pass their own). */
export interface ReporterStreams {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
}

/**
 * A reporter for `mode` (default: `tty` when stderr is a terminal, else `plain`). The bar is
 * redrawn on stderr at most 10 times a second; plain mode prints about 20 lines a run.
 */
export function createReporter(
  mode?: ReportMode,
  streams: ReporterStreams = { stdout: process.stdout, stderr: process.stderr },
): Reporter {
  const resolved: ReportMode = mode ?? (streams.stderr.isTTY ? 'tty' : 'plain');
  const { stdout, stderr } = streams;
  let barShown = false;
  let lastDraw = 0;
  let every: number | undefined;
  const clearBar = () => {
    if (barShown) stderr.write('\r\x1b[2K');
    barShown = false;
  };
  const json = (event: string, data: Record<string, unknown>) =>
    stdout.write(`${JSON.stringify({ event, ...data })}\n`);
  return {
    mode: resolved,
    info(message) {
      if (resolved === 'json') return void json('message', { message });
      clearBar();
      stdout.write(`${message}\n`);
    },
    warn(message) {
      if (resolved === 'json') return void json('warning', { message });
      clearBar();
      stderr.write(`warning: ${message}\n`);
    },
    event(name, data) {
      if (resolved === 'json') json(name, data);
    },
    progress(state, logged) {
      if (resolved === 'json') {
        if (logged || state.step === state.total)
          json('step', {
            ...state.logs,
            step: state.step,
            total: state.total,
            steps_per_s: state.rate,
            eta_s: state.etaSeconds,
          });
        return;
      }
      if (resolved === 'plain') {
        every ??= plainLineEvery(state.total, 1);
        if (state.step % every === 0 || state.step === state.total)
          stdout.write(`${formatProgressFields(state)}\n`);
        return;
      }
      const now = Date.now();
      if (now - lastDraw < 100 && state.step !== state.total) return;
      lastDraw = now;
      stderr.write(`\r\x1b[2K${formatProgressBar(state, stderr.columns || 100)}`);
      barShown = true;
    },
    endProgress() {
      if (barShown) stderr.write('\n');
      barShown = false;
    },
  };
}
