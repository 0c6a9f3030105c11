/**
 * The exit codes of `ganforge`. They depend only on an error's `code` (GanForgeError's
 * machine-readable code), so this module imports nothing heavy.
 */
export const EXIT_CODES = {
  /** Finished. */
  ok: 0,
  /** An unexpected error (a bug, or an error of a third-party plugin). */
  internal: 1,
  /** Invalid command line or config (the message names the field). */
  config: 2,
  /** A plugin cannot be loaded or conflicts with another. */
  plugin: 3,
  /** Data missing or malformed. */
  data: 4,
  /** No usable checkpoint (missing, corrupt, another architecture). */
  checkpoint: 5,
  /** The requested backend is not installed or failed to start. */
  backend: 6,
  /** Training diverged (NaN/Inf); the last good checkpoint is kept. */
  diverged: 7,
  /** Interrupted by Ctrl-C (SIGINT) after writing a checkpoint: 128 + SIGINT's number 2. */
  interrupted: 130,
} as const;

const BY_CODE: Record<string, number> = {
  CONFIG_INVALID: EXIT_CODES.config,
  PLUGIN_CONFLICT: EXIT_CODES.plugin,
  DATA_INVALID: EXIT_CODES.data,
  CHECKPOINT_INVALID: EXIT_CODES.checkpoint,
  BACKEND_UNAVAILABLE: EXIT_CODES.backend,
  TRAINING_DIVERGED: EXIT_CODES.diverged,
  TRAINING_FAILED: EXIT_CODES.diverged,
};

/** The exit code for an error thrown by a command. */
export function exitCodeOf(error: unknown): number {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code in BY_CODE ? BY_CODE[code] : EXIT_CODES.internal;
}

/** The table printed by `ganforge --help`. */
export const EXIT_CODE_HELP = `Exit codes:
  0    finished
  1    unexpected error
  2    invalid command line or config (the message names the field)
  3    a plugin cannot be loaded or conflicts with another
  4    data missing or malformed
  5    no usable checkpoint
  6    backend not available
  7    training diverged (NaN/Inf; the last good checkpoint is kept)
  130  interrupted by Ctrl-C (a checkpoint was written: see the message to resume)`;
