import { describe, expect, it } from 'vitest';
import { createGan, Rng, type Gan } from '@ganforge/core';
import { expectNoTensorLeak, testingPlugin } from '@ganforge/core/testing';
import { ebganPlugin } from './plugin.js';

// Whole-trainer checks with core's testing generator and data (this package's own tests use only
// itself, core and core/testing; training on @ganforge/data's mixtures is in integration/).

function table(n: number): number[] {
  return Array.from(new Rng(5, 'table').uniformArray(2 * n, -1, 1));
}

async function gan(ptWeight: number, seed = 1): Promise<Gan> {
  return createGan(
    {
      seed,
      backend: 'cpu',
      data: { kind: 'testing-table', values: table(32), sampleShape: [2] },
      generator: { kind: 'tiny-mlp', hidden: [8] },
      discriminator: { kind: 'ebgan', hidden: [8], codeDim: 4 },
      loss: { kind: 'ebgan' },
      regularizers: [{ kind: 'pulling-away', weight: ptWeight }],
      latentDim: 2,
      batchSize: 8,
    },
    { plugins: [testingPlugin(), ebganPlugin()] },
  );
}

describe("ebgan in core's adversarial trainer", () => {
  it('logs the energies, the margin term and the PT value, with no accuracy', async () => {
    const g = await gan(0.1);
    const logs = g.step();
    for (const key of [
      'ebgan_real_energy',
      'ebgan_fake_energy',
      'ebgan_margin_term',
      'ebgan_fake_above_margin',
      'reg_pulling_away',
    ])
      expect(Number.isFinite(logs[key]), key).toBe(true);
    expect(logs.d_acc_real).toBeUndefined();
    expect(logs.d_loss_real).toBeCloseTo(logs.ebgan_real_energy, 6);
    expect(logs.d_loss_fake).toBeCloseTo(logs.ebgan_margin_term, 6);
    expect(logs.reg_pulling_away).toBeGreaterThanOrEqual(0);
    expect(logs.reg_pulling_away).toBeLessThanOrEqual(1);
    g.dispose();
  });

  it('the pulling-away weight reaches the generator update and nothing else', async () => {
    const a = await gan(0);
    const b = await gan(1);
    const la = a.step();
    const lb = b.step();
    // Same seed: the D update (its loss and logs) is identical; only G's loss and gradient differ.
    expect(lb.d_loss).toBe(la.d_loss);
    expect(lb.reg_pulling_away).toBe(la.reg_pulling_away);
    expect(lb.g_loss).toBe(la.g_loss);
    expect(lb.g_grad_norm).not.toBe(la.g_grad_norm);
    a.dispose();
    b.dispose();
  });

  it('no tensor leak (steps 20, 70, 120), mlp and conv bodies', async () => {
    const g = await gan(0.1);
    await expectNoTensorLeak(() => g.step());
    g.dispose();
    const conv = await createGan(
      {
        seed: 2,
        backend: 'cpu',
        data: {
          kind: 'testing-table',
          values: Array.from(new Rng(6).uniformArray(8 * 64, -1, 1)),
          sampleShape: [8, 8, 1],
        },
        generator: { kind: 'tiny-mlp', hidden: [8] },
        discriminator: { kind: 'ebgan', body: 'conv', width: 2, codeDim: 4 },
        loss: { kind: 'ebgan' },
        regularizers: [{ kind: 'pulling-away' }],
        latentDim: 2,
        batchSize: 4,
      },
      { plugins: [testingPlugin(), ebganPlugin()] },
    );
    await expectNoTensorLeak(() => conv.step());
    conv.dispose();
  });
});
