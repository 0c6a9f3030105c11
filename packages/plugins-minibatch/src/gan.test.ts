import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gan, GanConfig, ParamTree } from '@ganforge/core';
import { createGan } from '@ganforge/core/node';
import { expectNoTensorLeak, testingPlugin } from '@ganforge/core/testing';
import { minibatchPlugin } from './plugin.js';

// Whole-trainer checks with core's testing components (this package's tests use only itself, core
// and @ganforge/core/testing; models' mlp, the real losses and other plugins are in integration/).

const root = mkdtempSync(join(tmpdir(), 'ganforge-minibatch-'));
beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const wrappers: GanConfig['discriminator'][] = [
  { kind: 'minibatch-discrimination', body: { kind: 'tiny-mlp', hidden: [8] }, B: 5, C: 3 },
  { kind: 'minibatch-stddev', body: { kind: 'tiny-mlp', hidden: [8] } },
];

function gan(discriminator: GanConfig['discriminator'], seed = 1): Promise<Gan> {
  return createGan(
    {
      seed,
      backend: 'cpu',
      data: { kind: 'testing-mixture-1d', means: [-1, 1], std: 0.1 },
      generator: { kind: 'tiny-mlp', hidden: [8] },
      discriminator,
      loss: { kind: 'testing-non-saturating' },
      latentDim: 2,
      batchSize: 8,
    },
    { plugins: [minibatchPlugin(), testingPlugin()] },
  );
}

function snapshot(tree: ParamTree): Record<string, number[]> {
  return Object.fromEntries(Object.entries(tree).map(([k, t]) => [k, Array.from(t.dataSync())]));
}

describe.each(wrappers)("$kind in core's adversarial trainer", (discriminator) => {
  it('trains every param of the wrapper (body features, batch feature, new head)', async () => {
    const g = await gan(discriminator);
    const before = snapshot(g.discriminator.params);
    const logs = g.step();
    expect(Number.isFinite(logs.d_loss) && Number.isFinite(logs.g_loss)).toBe(true);
    const after = snapshot(g.discriminator.params);
    const unchanged = Object.keys(before).filter((k) => before[k].every((v, i) => v === after[k][i]));
    expect(unchanged).toEqual([]);
    g.dispose();
  });

  it('no tensor leak (steps 20, 70, 120)', async () => {
    const g = await gan(discriminator);
    await expectNoTensorLeak(() => g.step());
    g.dispose();
  });

  it('params round-trip through a checkpoint, and training resumes exactly', async () => {
    const dir = join(root, discriminator.kind);
    const a = await gan(discriminator);
    for (let i = 0; i < 5; i++) a.step();
    const saved = snapshot(a.discriminator.params);
    await a.saveCheckpoint(dir);
    const next = a.step();
    const nextParams = snapshot(a.discriminator.params);
    await a.loadCheckpoint(dir);
    expect(snapshot(a.discriminator.params)).toEqual(saved);
    const b = await gan(discriminator, 99);
    expect(snapshot(b.discriminator.params)).not.toEqual(saved);
    await b.loadCheckpoint(dir);
    expect(snapshot(b.discriminator.params)).toEqual(saved);
    expect(b.step()).toMatchObject({ d_loss: next.d_loss, g_loss: next.g_loss });
    expect(snapshot(b.discriminator.params)).toEqual(nextParams);
    a.dispose();
    b.dispose();
  });
});
