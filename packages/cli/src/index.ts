/**
 * @ganforge/cli: the `ganforge` command (train, resume, sample, eval, plugins) and the pieces it
 * is built from, for programs that want the same run folders, plots and sample grids.
 *
 * Importing this entry loads only commander; the command modules (and with them tfjs, vega and
 * resvg) are imported when a command runs.
 * @packageDocumentation
 */
export { runCli } from './run-cli.js';
export { createProgram } from './program.js';
export type { CommandResult } from './program.js';
export { EXIT_CODES, exitCodeOf } from './exit-codes.js';
export { formatError, withCliInstallHint } from './format-error.js';
export { createReporter } from './progress/reporter.js';
export type { Reporter, ReportMode, ReporterStreams } from './progress/reporter.js';
export {
  formatDuration,
  formatProgressBar,
  formatProgressFields,
  plainLineEvery,
} from './progress/format.js';
export type { ProgressState } from './progress/format.js';
export { startMonitor } from './monitor/server.js';
export type { MonitorOptions, MonitorServer } from './monitor/server.js';
export { diagnose, MONITORING_GUIDE } from './monitor/diagnose.js';
export type { Diagnostic, DiagnoseOptions, MetricsRow, RunStatus } from './monitor/diagnose.js';
export { JsonlTail } from './monitor/jsonl-tail.js';
export { RunSource } from './monitor/run-source.js';
export type { RunUpdate } from './monitor/run-source.js';
export { startPlayground } from './playground/server.js';
export type { PlaygroundOptions, PlaygroundServer } from './playground/server.js';
