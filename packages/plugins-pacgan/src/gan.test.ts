import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gan, ParamTree } from '@ganforge/core';
import { createGan } from '@ganforge/core/node';
import { expectNoTensorLeak, testingPlugin } from '@ganforge/core/testing';
import { pacganPlugin } from './plugin.js';

// Whole-trainer checks with core's testing components (this package's tests use only itself, core
// and @ganforge/core/testing; models' mlp, the real losses, WGAN-GP and the ring are in integration/).

const root = mkdtempSync(join(tmpdir(), 'ganforge-pacgan-'));
beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function gan(seed = 1): Promise<Gan> {
  return createGan(
    {
      seed,
      backend: 'cpu',
      data: { kind: 'testing-mixture-1d', means: [-1, 1], std: 0.1 },
      generator: { kind: 'tiny-mlp', hidden: [8] },
      discriminator: { kind: 'pacgan', packing: 4, body: { kind: 'tiny-mlp', hidden: [8] } },
      loss: { kind: 'testing-non-saturating' },
      latentDim: 2,
      batchSize: 16,
    },
    { plugins: [pacganPlugin(), testingPlugin()] },
  );
}

function snapshot(tree: ParamTree): Record<string, number[]> {
  return Object.fromEntries(Object.entries(tree).map(([k, t]) => [k, Array.from(t.dataSync())]));
}

describe("pacgan in core's adversarial trainer", () => {
  it('trains every body param; losses, accuracies (over the batch/m packs) and logs are finite', async () => {
    const g = await gan();
    const before = snapshot(g.discriminator.params);
    const logs = g.step();
    for (const key of ['d_loss', 'd_loss_real', 'd_loss_fake', 'g_loss', 'd_acc_real', 'd_acc_fake'])
      expect(Number.isFinite(logs[key]), key).toBe(true);
    // 16 samples make 4 packs: each accuracy is a multiple of 1/4.
    expect(Number.isInteger(logs.d_acc_real * 4) && Number.isInteger(logs.d_acc_fake * 4)).toBe(true);
    const after = snapshot(g.discriminator.params);
    expect(Object.keys(before).filter((k) => before[k].every((v, i) => v === after[k][i]))).toEqual([]);
    g.dispose();
  });

  it('no tensor leak (steps 20, 70, 120)', async () => {
    const g = await gan();
    const report = await expectNoTensorLeak(() => g.step());
    expect(new Set(Object.values(report.counts)).size).toBe(1);
    g.dispose();
  });

  it('params round-trip through a checkpoint, and training resumes exactly', async () => {
    const dir = join(root, 'pacgan');
    const a = await gan();
    for (let i = 0; i < 3; i++) a.step();
    const saved = snapshot(a.discriminator.params);
    await a.saveCheckpoint(dir);
    const next = a.step();
    const nextParams = snapshot(a.discriminator.params);
    const b = await gan(99);
    expect(snapshot(b.discriminator.params)).not.toEqual(saved);
    await b.loadCheckpoint(dir);
    expect(snapshot(b.discriminator.params)).toEqual(saved);
    expect(b.step()).toMatchObject({ d_loss: next.d_loss, g_loss: next.g_loss });
    expect(snapshot(b.discriminator.params)).toEqual(nextParams);
    a.dispose();
    b.dispose();
  });
});
