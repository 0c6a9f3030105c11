import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { ConfigError, type GanConfig } from '@ganforge/core';
import { parseDocument } from 'yaml';

/** Command-line values that replace the config's. */
export interface ConfigOverrides {
  steps?: number;
  seed?: number;
  backend?: string;
}

/** Data options that name files: resolved against the config file's folder. */
const DATA_PATH_FIELDS = ['path', 'images', 'labels', 'saveNormalization'] as const;

function isLocalPath(spec: string): boolean {
  return (
    spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/') || /^[A-Za-z]:[\\/]/.test(spec)
  );
}

/** A data block with its file paths resolved against `baseDir`, and those of a wrapper's `inner` block. */
function resolveDataPaths(block: Record<string, unknown>, baseDir: string): Record<string, unknown> {
  const data: Record<string, unknown> = { ...block };
  for (const field of DATA_PATH_FIELDS) {
    const v = data[field];
    if (typeof v === 'string' && !isAbsolute(v)) data[field] = resolve(baseDir, v);
  }
  const norm = data.normalization as { file?: unknown } | undefined;
  if (norm && typeof norm === 'object' && typeof norm.file === 'string' && !isAbsolute(norm.file)) {
    data.normalization = { ...norm, file: resolve(baseDir, norm.file) };
  }
  const inner = data.inner;
  if (inner !== null && typeof inner === 'object' && !Array.isArray(inner))
    data.inner = resolveDataPaths(inner as Record<string, unknown>, baseDir);
  return data;
}

/**
 * Makes a config independent of the working directory: relative file paths in `data` (`path`,
 * `images`, `labels`, `saveNormalization`, `normalization.file`, also in a data wrapper's `inner`
 * block such as `training-by-sampling`'s) and local plugin paths (`./my-plugin.js`) are resolved
 * against `baseDir`, the config file's folder. Package names in `plugins` stay as they are.
 */
export function resolveConfigPaths(config: GanConfig, baseDir: string): GanConfig {
  const data = resolveDataPaths({ ...config.data }, baseDir);
  const plugins = config.plugins?.map((p) =>
    typeof p === 'string' && isLocalPath(p) ? resolve(baseDir, p) : p,
  );
  return { ...config, data: data as GanConfig['data'], ...(plugins ? { plugins } : {}) };
}

/** Replaces config values by the command line's (`--steps`, `--seed`, `--backend`). */
export function applyOverrides(config: GanConfig, overrides: ConfigOverrides): GanConfig {
  const out = { ...config };
  if (overrides.steps !== undefined) out.steps = overrides.steps;
  if (overrides.seed !== undefined) out.seed = overrides.seed;
  if (overrides.backend !== undefined) out.backend = overrides.backend;
  return out;
}

/** Parses YAML (or JSON, a subset of YAML) text into a config object; `source` names it in errors. */
export function parseConfigText(text: string, source: string): GanConfig {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const line = first.linePos?.[0];
    const where = line ? `${source}:${line.line}:${line.col}` : source;
    const message = `${where}: not valid YAML: ${first.message.split('\n')[0]}`;
    throw new ConfigError(message, '', [{ path: '', message }]);
  }
  const value: unknown = doc.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const found =
      value === null ? 'an empty document' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    throw new ConfigError(
      `${source}: expected a config object (seed, data, generator, …), found ${found}`,
      '',
    );
  }
  return value as GanConfig;
}

/** Reads a YAML/JSON config file; relative paths in it are resolved against its folder. */
export function readConfigFile(path: string): { config: GanConfig; baseDir: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(
      `cannot read config file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      '',
    );
  }
  const baseDir = dirname(resolve(path));
  return { config: resolveConfigPaths(parseConfigText(text, path), baseDir), baseDir };
}
