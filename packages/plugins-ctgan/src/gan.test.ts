import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gan, GanConfig, ParamTree } from '@ganforge/core';
import { createGan } from '@ganforge/core/node';
import { expectNoTensorLeak } from '@ganforge/core/testing';
import { dataPlugin } from '@ganforge/data/node';
import type { ConditionalTableSource } from './condition/conditional-table.js';
import { conditionLabel } from './condition/condition-vector.js';
import { ctganPlugin } from './plugin.js';
import { writeTinyTableCsv } from './test-helpers.js';

// The `ctgan` preset end to end on a tiny generated table (200 rows: color, member, a
// zero-inflated amount, size), through the `table` source of @ganforge/data read from a CSV, with
// small networks so that each test takes seconds on the cpu backend.

const root = mkdtempSync(join(tmpdir(), 'ganforge-ctgan-'));
const csv = writeTinyTableCsv(root);
beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function gan(seed = 1, patch: Partial<GanConfig> = {}): Promise<Gan> {
  return createGan(
    {
      seed,
      backend: 'cpu',
      preset: 'ctgan',
      data: { kind: 'training-by-sampling', inner: { kind: 'table', path: csv } },
      generator: { kind: 'ctgan', hidden: [16, 16], embeddingDim: 8 },
      discriminator: { kind: 'ctgan', hidden: [16, 16], packing: 4 },
      batchSize: 40,
      ...patch,
    },
    { plugins: [ctganPlugin(), dataPlugin()] },
  );
}

function snapshot(tree: ParamTree): Record<string, number[]> {
  return Object.fromEntries(Object.entries(tree).map(([k, t]) => [k, Array.from(t.dataSync())]));
}

const unchanged = (a: Record<string, number[]>, b: Record<string, number[]>) =>
  Object.keys(a).filter((k) => a[k].every((v, i) => v === b[k][i]));

describe('the ctgan preset in core’s trainer', () => {
  it('20 steps: every param trained, every loss and penalty logged and finite', async () => {
    const g = await gan();
    const [g0, d0] = [snapshot(g.generator.params), snapshot(g.discriminator.params)];
    const history = await g.fit({ steps: 20 });
    const logs = history[19];
    for (const key of [
      'g_loss',
      'd_loss',
      'd_loss_real',
      'd_loss_fake',
      'wasserstein_estimate',
      'reg_gradient_penalty',
      'gradient_penalty_grad_norm',
      'reg_condition_cross_entropy',
      'reg_weight_decay_generator',
      'reg_weight_decay_discriminator',
    ])
      expect(Number.isFinite(logs[key]), key).toBe(true);
    expect(logs.reg_condition_cross_entropy).toBeGreaterThan(0);
    expect(unchanged(g0, snapshot(g.generator.params))).toEqual([]);
    // The critic's output bias cancels in E[D(x̃)] − E[D(x)] and in the penalty: only the 1e-6
    // weight decay would move it, and float32 loses it in (+1 − 1 + 3.4e-8) (see weight-decay.ts).
    expect(unchanged(d0, snapshot(g.discriminator.params))).toEqual(['body/layers/6/bias']);
    g.dispose();
  });

  it('no tensor leak (steps 20, 70, 120)', async () => {
    const g = await gan(2, {
      generator: { kind: 'ctgan', hidden: [8], embeddingDim: 8 },
      discriminator: { kind: 'ctgan', hidden: [8], packing: 4 },
      batchSize: 16,
    });
    const report = await expectNoTensorLeak(() => g.step());
    expect(new Set(Object.values(report.counts)).size).toBe(1);
    g.dispose();
  });

  it('resumes bit for bit from a checkpoint (sampler draws, Gumbel noise, dropout, optimizers)', async () => {
    const dir = join(root, 'resume');
    const a = await gan();
    for (let i = 0; i < 3; i++) a.step();
    await a.saveCheckpoint(dir);
    const next = [a.step(), a.step()];
    const after = { ...snapshot(a.generator.params), ...snapshot(a.discriminator.params) };
    const b = await gan(99);
    await b.loadCheckpoint(dir);
    const again = [b.step(), b.step()];
    for (const [i, logs] of again.entries()) {
      const { step_time_ms: _t, ...rest } = logs;
      const { step_time_ms: _u, ...expected } = next[i];
      expect(rest).toEqual(expected);
    }
    expect({ ...snapshot(b.generator.params), ...snapshot(b.discriminator.params) }).toEqual(after);
    a.dispose();
    b.dispose();
  });

  it('samples decode to rows in the table’s units; the zero mass of a mixed column survives', async () => {
    const g = await gan();
    await g.fit({ steps: 5 });
    const source = g.data as ConditionalTableSource;
    const x = g.sample({ n: 200 });
    const rows = source.decode(x);
    x.dispose();
    expect(new Set(rows.map((r) => r.color)).size).toBeGreaterThan(1);
    for (const r of rows) {
      expect(['red', 'green', 'blue']).toContain(r.color);
      expect(typeof r.member).toBe('boolean');
      // amount's domain is the column's range, [0, 60]; decoded values keep its two decimals
      expect((r.amount as number) >= 0 && (r.amount as number) <= 60).toBe(true);
      expect(Math.round((r.amount as number) * 100) / 100).toBe(r.amount);
    }
    expect(rows.some((r) => r.amount === 0)).toBe(true);
    g.dispose();
  });

  it('a condition asked through conditionLabel reaches the generator and is learned (80 steps)', async () => {
    const g = await gan(1, {
      optimizers: { generator: { lr: 2e-3 }, discriminator: { lr: 2e-3 } },
    });
    const source = g.data as ConditionalTableSource;
    const blue = conditionLabel(source.conditions, 'color', 'blue');
    expect(blue).toBe(0);
    const noise = tf.randomNormal([4, g.generator.latentDim], 0, 1, 'float32', 3);
    const viaSample = g.sample({ n: 4, noise, labels: [blue, blue, blue, blue] });
    const cond = tf.oneHot(tf.tensor1d([0, 0, 0, 0], 'int32'), 5).toFloat();
    const direct = g.generator.generate(noise, { training: false, cond });
    expect(viaSample.arraySync()).toEqual(direct.x.arraySync());
    tf.dispose([noise, viaSample, cond, direct.x, (direct as { logits?: tf.Tensor }).logits!]);
    await g.fit({ steps: 80 });
    const x = g.sample({ n: 200, labels: new Array(200).fill(blue) });
    const share = source.decode(x).filter((r) => r.color === 'blue').length / 200;
    x.dispose();
    // blue is 10 % of the rows; 80 steps with the condition loss give 0.8–0.9 (seeded).
    expect(share).toBeGreaterThan(0.6);
    g.dispose();
  });
});
