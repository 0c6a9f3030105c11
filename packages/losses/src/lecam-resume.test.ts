import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMPONENT_STATE_GROUP_PREFIX } from '@ganforge/core';
import { readCheckpointDir } from '@ganforge/core/node';
import { LECAM_STATE_PATHS } from './lecam.js';

const worker = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'lecam-resume-worker.ts');

type Dump = { step: number; logs: number[][]; discriminator: unknown; generator: unknown };

function run(mode: string, steps: number, ckpt: string, out: string): Dump {
  execFileSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=@ganforge/source', worker, mode, String(steps), ckpt, out],
    { stdio: 'pipe' },
  );
  return JSON.parse(readFileSync(out, 'utf8')) as Dump;
}

describe('lecam: exact resume (cpu)', () => {
  it('2N steps == N steps, checkpoint with the anchors, fresh process, N more: bit for bit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gf-lecam-resume-'));
    const ckpt = join(dir, 'ckpt');
    const n = 12;
    const full = run('full', n, ckpt, join(dir, 'full.json'));
    run('first', n, ckpt, join(dir, 'first.json'));
    const resumed = run('second', n, ckpt, join(dir, 'second.json'));
    expect(resumed.step).toBe(2 * n);
    expect(resumed.logs).toEqual(full.logs);
    expect(resumed.discriminator).toEqual(full.discriminator);
    expect(resumed.generator).toEqual(full.generator);
    // The anchors were in the checkpoint: after N steps of 2 D updates, 2N updates averaged.
    const saved = await readCheckpointDir(ckpt);
    const group = saved.tensors[`${COMPONENT_STATE_GROUP_PREFIX}regularizers.0`];
    expect(Object.keys(group).sort()).toEqual(Object.values(LECAM_STATE_PATHS).sort());
    expect(group[LECAM_STATE_PATHS.updates].values[0]).toBe(2 * n);
    expect(group[LECAM_STATE_PATHS.real].values[0]).not.toBe(0);
  }, 60_000);
});
