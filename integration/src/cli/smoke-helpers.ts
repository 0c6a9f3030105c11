import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '@ganforge/cli';
import { PNG } from 'pngjs';
import { expect } from 'vitest';

/** examples/configs/ in the repository. */
export const CONFIGS = join(dirname(fileURLToPath(import.meta.url)), '../../../examples/configs');

/** The size of a decoded PNG. */
export function pngSize(file: string): [number, number] {
  const png = PNG.sync.read(readFileSync(file));
  return [png.width, png.height];
}

/**
 * Trains `examples/configs/<name>` for `steps` steps in this process (the CLI's own entry, with
 * `--backend cpu` unless told otherwise) and checks the run folder: exit code 0, a completed
 * summary, metrics rows, the final picture and the loss plot. Returns the run folder and summary.
 */
export async function smokeTrain(
  name: string,
  steps = 4,
  extra: string[] = [],
): Promise<{ run: string; summary: Record<string, unknown> }> {
  const run = join(mkdtempSync(join(tmpdir(), `ganforge-smoke-${name.replace(/\W/g, '-')}-`)), 'run');
  const code = await runCli([
    'train',
    join(CONFIGS, name),
    '--out',
    run,
    '--steps',
    String(steps),
    '--sample-every',
    String(Math.max(1, steps / 2)),
    ...extra,
  ]);
  expect(code, `ganforge train ${name}`).toBe(0);
  const summary = JSON.parse(readFileSync(join(run, 'summary.json'), 'utf8')) as Record<string, unknown>;
  expect(summary).toMatchObject({ status: 'completed', step: steps });
  const rows = readFileSync(join(run, 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, number>);
  expect(rows.at(-1)!.step).toBe(steps);
  expect(Number.isFinite(rows.at(-1)!.g_loss)).toBe(true);
  expect(existsSync(join(run, 'plots/losses.png'))).toBe(true);
  expect(existsSync(join(run, `checkpoints/step-${String(steps).padStart(6, '0')}`))).toBe(true);
  return { run, summary };
}
