import { readFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { ConfigError, type GanConfig } from '@ganforge/core';
import { parseDocument } from 'yaml';
import { readConfigFile, resolveConfigPaths } from '../config/load-config.js';
import { sweepFileSchema, type SweepFile } from './sweep-schema.js';

/** A validated sweep file with its base config loaded. */
export interface LoadedSweep {
  /** The sweep's name (`name:`, else the file name without extension). */
  name: string;
  /** Absolute path of the sweep file (`inline` for one given as an object). */
  file: string;
  sweep: SweepFile;
  /** The base config, relative paths resolved against its own file's folder. */
  base: GanConfig;
}

function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) =>
      typeof p === 'number'
        ? `[${p}]`
        : String(p).includes('.')
          ? `["${String(p)}"]`
          : `${i ? '.' : ''}${String(p)}`,
    )
    .join('');
}

/**
 * Validates a parsed sweep document (`source` names it in errors) and loads its base config;
 * `dir` is the folder a `base:` path is relative to. A bad field is a ConfigError naming its path
 * (`grid["optimizers.generator.lr"]: expected array`).
 */
export function loadSweep(value: unknown, source: string, dir: string): LoadedSweep {
  const parsed = sweepFileSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message }));
    const lines = issues.map((i) => `${i.path || '(top)'}: ${i.message}`);
    throw new ConfigError(
      `invalid sweep file ${source}:\n  ${lines.join('\n  ')}`,
      issues[0].path,
      issues.map((i) => ({ path: i.path, message: `${source}: ${i.path}: ${i.message}` })),
    );
  }
  const sweep = parsed.data;
  const base =
    typeof sweep.base === 'string'
      ? readConfigFile(resolve(dir, sweep.base)).config
      : resolveConfigPaths(sweep.base as unknown as GanConfig, dir);
  const name = sweep.name ?? basename(source, extname(source));
  return { name, file: source, sweep, base };
}

/** Reads and validates a YAML/JSON sweep file (see {@link loadSweep}). */
export function readSweepFile(path: string): LoadedSweep {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(
      `cannot read sweep file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      '',
    );
  }
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    const message = `${path}: not valid YAML: ${doc.errors[0].message.split('\n')[0]}`;
    throw new ConfigError(message, '');
  }
  return loadSweep(doc.toJS(), resolve(path), dirname(resolve(path)));
}
