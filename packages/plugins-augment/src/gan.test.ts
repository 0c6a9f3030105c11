import * as tf from '@tensorflow/tfjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGan } from '@ganforge/core';
import { expectNoTensorLeak, testingPlugin } from '@ganforge/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { adaConfig } from './fixtures/ada-config.js';
import { augmentPlugin } from './plugin.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const plugins = [augmentPlugin(), testingPlugin()];

describe('plugin-augment in core’s trainer (core’s testing components)', () => {
  it('ADA logs augment_p and augment_rt every step; p moves by ±Δ every interval, toward r_t = target', async () => {
    const gan = await createGan(adaConfig(), { plugins });
    const logs = await gan.fit({ steps: 12 });
    // Δ = batch · interval / rampImages = 4 · 2 / 16 = 0.5; p changes only after even updates.
    const ps = logs.map((l) => l.augment_p);
    for (let i = 0; i < ps.length; i++) {
      const previous = i === 0 ? 0 : ps[i - 1];
      if (i % 2 === 0) expect(ps[i]).toBe(previous);
      else expect([0, 0.5, 1]).toContain(ps[i]);
    }
    for (const l of logs) {
      expect(l.augment_rt).toBeGreaterThanOrEqual(-1);
      expect(l.augment_rt).toBeLessThanOrEqual(1);
    }
    // Where the interval's r_t was above the target, p rose (or stayed at 1); below, it fell.
    for (let i = 1; i < logs.length; i += 2) {
      const before = i === 1 ? 0 : ps[i - 2];
      if (logs[i].augment_rt > 0.2) expect(ps[i]).toBe(Math.min(1, before + 0.5));
      if (logs[i].augment_rt < 0.2) expect(ps[i]).toBe(Math.max(0, before - 0.5));
    }
    gan.dispose();
  });

  it('diff-augment trains D∘T: the run differs from the same seed without augmentation, other streams alike', async () => {
    const run = async (augment: boolean) => {
      const gan = await createGan(adaConfig({ augment: augment ? { kind: 'diff-augment' } : undefined }), {
        plugins,
      });
      const logs = await gan.fit({ steps: 3 });
      gan.dispose();
      return logs.map((l) => l.d_loss);
    };
    const [with_, without] = [await run(true), await run(false)];
    expect(with_).not.toEqual(without);
    for (const v of with_) expect(Number.isFinite(v)).toBe(true);
  });

  it('does not leak tensors with ADA, bcr and EMA on', async () => {
    const gan = await createGan(adaConfig({ regularizers: [{ kind: 'bcr' }], ema: { decay: 0.99 } }), {
      plugins,
    });
    await expectNoTensorLeak(() => gan.step());
    gan.dispose();
  });

  it('resumes bit for bit with ADA on: 2N steps = N, checkpoint, fresh process, N more (p is state)', () => {
    const worker = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'resume-worker.ts');
    const dir = mkdtempSync(join(tmpdir(), 'gf-ada-resume-'));
    const run = (mode: string) => {
      const out = join(dir, `${mode}.json`);
      execFileSync(
        process.execPath,
        ['--import', 'tsx', '--conditions=@ganforge/source', worker, mode, '10', join(dir, 'ckpt'), out],
        { stdio: 'pipe' },
      );
      return JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    };
    const full = run('full');
    run('first');
    const resumed = run('second');
    expect(resumed.step).toBe(20);
    expect(resumed.logs).toEqual(full.logs);
    expect(resumed.generator).toEqual(full.generator);
    expect(resumed.discriminator).toEqual(full.discriminator);
    expect(resumed.optimizers).toEqual(full.optimizers);
    expect(resumed.sample).toEqual(full.sample);
    // p moved during the run, so restoring it mattered.
    const ps = (full.logs as number[][]).map((l) => l[2]);
    expect(new Set(ps).size).toBeGreaterThan(1);
  });
});
