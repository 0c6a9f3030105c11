/** Machine-readable error codes of GANForge's errors. */
export type GanErrorCode =
  | 'CONFIG_INVALID'
  | 'PLUGIN_CONFLICT'
  | 'CHECKPOINT_INVALID'
  | 'TRAINING_DIVERGED'
  | 'TRAINING_FAILED'
  | 'DATA_INVALID'
  | 'BACKEND_UNAVAILABLE';

/** Base class of every error GANForge throws on purpose. */
export class GanForgeError extends Error {
  constructor(
    message: string,
    readonly code: GanErrorCode,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** One problem found in a config: where, what was expected, what was found. */
export interface ConfigIssue {
  /** Dotted path of the bad field, e.g. `optimizers.generator.lr` or `regularizers[0].weight`. */
  path: string;
  message: string;
}

/** A config (or a component's options) is invalid. `issues` lists every problem found. */
export class ConfigError extends GanForgeError {
  readonly issues: ConfigIssue[];
  constructor(message: string, path?: string, issues?: ConfigIssue[]) {
    super(message, 'CONFIG_INVALID');
    this.issues = issues ?? (path !== undefined ? [{ path, message }] : []);
  }
}

/** Plugins conflict: two plugins register one component, or one plugin is listed with different options. */
export class PluginError extends GanForgeError {
  constructor(message: string) {
    super(message, 'PLUGIN_CONFLICT');
  }
}

/** A checkpoint is missing, corrupt, truncated or of another format version. */
export class CheckpointError extends GanForgeError {
  constructor(
    message: string,
    /** The file at fault, where one is. */
    readonly file?: string,
  ) {
    super(message, 'CHECKPOINT_INVALID');
  }
}

/** Training cannot go on: a logged quantity became NaN or Inf, or a component failed. */
export class TrainingError extends GanForgeError {
  constructor(
    message: string,
    readonly step?: number,
    readonly quantity?: string,
    code: GanErrorCode = 'TRAINING_DIVERGED',
  ) {
    super(message, code);
  }
}

/** Data is missing or malformed. */
export class DataError extends GanForgeError {
  constructor(message: string) {
    super(message, 'DATA_INVALID');
  }
}

/** A requested backend is not installed or failed to initialize. */
export class BackendError extends GanForgeError {
  constructor(message: string) {
    super(message, 'BACKEND_UNAVAILABLE');
  }
}
