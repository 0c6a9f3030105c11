import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '@ganforge/core';
import { stringify } from 'yaml';
import type { SweepPlan } from './expand-sweep.js';
import type { FieldValue } from './sweep-schema.js';

/** A job as `sweep.json` lists it. */
export interface ManifestJob {
  id: string;
  fields: Record<string, FieldValue>;
  seed: number;
  /** The job's config file, relative to the sweep folder (`configs/<id>.yaml`). */
  config: string;
}

/** `sweep.json`: what a sweep folder holds, read by workers' callers and `ganforge sweep report`. */
export interface SweepManifest {
  format: 1;
  name: string;
  /** The sweep file it was expanded from. */
  sweepFile: string;
  /** Swept field paths (union over every plan written into this folder). */
  fields: string[];
  /** Steps between sample pictures in each run (`--sample-every`), when the sweep file sets it. */
  sampleEvery?: number;
  jobs: ManifestJob[];
}

/** The work one job is: its id, the config file to train and the run folder to write. */
export interface JobSpec {
  id: string;
  /** Absolute path of the job's config file. */
  configPath: string;
  /** Absolute path of the job's run folder. */
  runDir: string;
  /** Steps between sample pictures (`--sample-every`; default: the train command's). */
  sampleEvery?: number;
}

/** The name of the manifest file in a sweep folder. */
export const MANIFEST = 'sweep.json';

/** Reads `DIR/sweep.json`; a folder without one is a ConfigError. */
export function readManifest(dir: string): SweepManifest {
  const path = join(resolve(dir), MANIFEST);
  if (!existsSync(path))
    throw new ConfigError(
      `${resolve(dir)} is not a sweep folder (no ${MANIFEST}): start one with "ganforge sweep SWEEP.yaml --out DIR"`,
      'DIR',
    );
  return JSON.parse(readFileSync(path, 'utf8')) as SweepManifest;
}

/** The job specs of a manifest in sweep folder `dir`. */
export function jobSpecs(dir: string, manifest: SweepManifest, ids?: Set<string>): JobSpec[] {
  const root = resolve(dir);
  return manifest.jobs
    .filter((j) => !ids || ids.has(j.id))
    .map((j) => ({
      id: j.id,
      configPath: join(root, j.config),
      runDir: join(root, j.id),
      ...(manifest.sampleEvery ? { sampleEvery: manifest.sampleEvery } : {}),
    }));
}

/**
 * Writes a plan into sweep folder `dir`: each job's config as `configs/<id>.yaml` and the
 * manifest `sweep.json`. Jobs already listed there (an earlier, other plan) are kept, so one
 * folder may grow over several sweeps; rewriting the same plan changes nothing.
 * Returns the specs of this plan's jobs.
 */
export function writeSweepPlan(dir: string, plan: SweepPlan, sweepFile: string): JobSpec[] {
  const root = resolve(dir);
  mkdirSync(join(root, 'configs'), { recursive: true });
  const old = existsSync(join(root, MANIFEST)) ? readManifest(root) : undefined;
  const jobs = new Map((old?.jobs ?? []).map((j) => [j.id, j]));
  for (const job of plan.jobs) {
    const config = `configs/${job.id}.yaml`;
    const header = `# sweep ${plan.name}, job ${job.id}\n`;
    writeFileSync(join(root, config), header + stringify(job.config));
    jobs.set(job.id, { id: job.id, fields: job.fields, seed: job.seed, config });
  }
  const manifest: SweepManifest = {
    format: 1,
    name: plan.name,
    sweepFile,
    fields: [...new Set([...(old?.fields ?? []), ...plan.fields])],
    ...(plan.sampleEvery ? { sampleEvery: plan.sampleEvery } : {}),
    jobs: [...jobs.values()],
  };
  const tmp = join(root, `.${MANIFEST}.tmp`);
  writeFileSync(tmp, JSON.stringify(manifest, null, 2) + '\n');
  renameSync(tmp, join(root, MANIFEST));
  return jobSpecs(root, manifest, new Set(plan.jobs.map((j) => j.id)));
}
