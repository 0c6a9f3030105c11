import { existsSync, readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CheckpointError, type GanConfig } from '@ganforge/core';
import { stringify } from 'yaml';
import { parseConfigText } from '../config/load-config.js';

/** The files of a run folder (DESIGN.md "Runs"). */
export interface RunFolder {
  root: string;
  /** The config the run was started with, after command-line overrides, paths made absolute. */
  config: string;
  /** Every resolved value and where it came from. */
  resolvedConfig: string;
  metrics: string;
  checkpoints: string;
  /** Sample pictures over training, from one fixed noise batch: `samples/step-000500.png`. */
  samples: string;
  /** Loss, accuracy and final sample plots. */
  plots: string;
  summary: string;
}

/** The paths of the run folder `root` (nothing is created). */
export function runFolder(root: string): RunFolder {
  const r = resolve(root);
  return {
    root: r,
    config: join(r, 'config.yaml'),
    resolvedConfig: join(r, 'resolved-config.json'),
    metrics: join(r, 'metrics.jsonl'),
    checkpoints: join(r, 'checkpoints'),
    samples: join(r, 'samples'),
    plots: join(r, 'plots'),
    summary: join(r, 'summary.json'),
  };
}

/** Whether `root` already holds a run (a config, metrics or checkpoints). */
export function holdsRun(root: string): boolean {
  if (!existsSync(root)) return false;
  const names = readdirSync(root);
  return names.includes('config.yaml') || names.includes('metrics.jsonl') || names.includes('checkpoints');
}

/** Writes the run's config (YAML, with a header saying how to resume) and creates the folders. */
export function initRunFolder(run: RunFolder, config: GanConfig, source: string): void {
  for (const dir of [run.root, run.checkpoints, run.samples, run.plots]) mkdirSync(dir, { recursive: true });
  const header = `# ganforge run config (from ${source}, with command-line overrides applied).\n# Resume: ganforge resume ${run.root}\n`;
  writeFileSync(run.config, header + stringify(config));
}

/** Reads the config a run was started with; a folder that holds no run is a CheckpointError. */
export function readRunConfig(run: RunFolder): GanConfig {
  if (!existsSync(run.config)) {
    throw new CheckpointError(
      `${run.root} is not a ganforge run folder (no config.yaml): train one with "ganforge train CONFIG.yaml --out DIR"`,
      run.config,
    );
  }
  return parseConfigText(readFileSync(run.config, 'utf8'), run.config);
}

/** The rows of `metrics.jsonl` (an unparseable line, e.g. one cut by a crash, is skipped). */
export function readMetricsRows(path: string): Record<string, number>[] {
  if (!existsSync(path)) return [];
  const rows: Record<string, number>[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      rows.push(JSON.parse(line) as Record<string, number>);
    } catch {
      // a partial last line of a killed process
    }
  }
  return rows;
}

/** Drops rows after `step` (logged after the checkpoint a resume starts from); returns the rows kept. */
export function truncateMetrics(path: string, step: number): number {
  const rows = readMetricsRows(path).filter((r) => r.step <= step);
  if (existsSync(path)) writeFileSync(path, rows.map((r) => JSON.stringify(r) + '\n').join(''));
  return rows.length;
}
