import { describe, expect, it } from 'vitest';
import { createGan, Rng, type Gan, type GanConfig, type ParamTree } from '@ganforge/core';
import { expectNoTensorLeak, testingPlugin } from '@ganforge/core/testing';
import { modelsPlugin } from './plugin.js';
import { snapshot } from './test-utils.js';

// Whole-trainer checks with core's testing loss and data (this package's tests use only itself,
// core and @ganforge/core/testing; the real losses are combined in integration/).

function imageTable(n: number, size: number): number[] {
  return Array.from(new Rng(5, 'table').uniformArray(n * size * size, -1, 1));
}

async function gan(
  generator: GanConfig['generator'],
  discriminator: GanConfig['discriminator'],
  sampleShape: number[],
  seed = 1,
): Promise<Gan> {
  const size = sampleShape.reduce((a, b) => a * b, 1);
  return createGan(
    {
      seed,
      backend: 'cpu',
      data: { kind: 'testing-table', values: imageTable(16, Math.sqrt(size)), sampleShape },
      generator,
      discriminator,
      loss: { kind: 'testing-non-saturating' },
      latentDim: 4,
      batchSize: 4,
    },
    { plugins: [modelsPlugin(), testingPlugin()] },
  );
}

function changed(before: Record<string, Float32Array>, tree: ParamTree): string[] {
  const after = snapshot(tree);
  return Object.keys(before).filter((k) => before[k].some((v, i) => v !== after[k][i]));
}

// Core's trainer keeps the state a forward pass returns (keepTree) and assigns it to the variables
// without disposing it: one tensor per state entry per step (adversarial-trainer.ts). Reported to
// core; these leak checks run once it is fixed.

describe("models in core's adversarial trainer", () => {
  it('stateless MLP and DCGAN nets: no tensor leak (steps 20, 70, 120)', async () => {
    const mlp = await gan(
      { kind: 'mlp', hidden: [8], normalization: 'layer-norm' },
      { kind: 'mlp', hidden: [8] },
      [4],
    );
    await expectNoTensorLeak(() => mlp.step());
    mlp.dispose();
    const dcgan = await gan(
      { kind: 'dcgan', width: 2, batchNorm: false },
      { kind: 'dcgan', width: 2 },
      [8, 8, 1],
    );
    await expectNoTensorLeak(() => dcgan.step());
    dcgan.dispose();
  });

  it(`nets with state (BN G, spectral-norm D): no tensor leak`, async () => {
    const g = await gan(
      { kind: 'dcgan', width: 2 },
      { kind: 'spectral-norm', inner: { kind: 'dcgan', width: 2, batchNorm: true } },
      [16, 16, 1],
    );
    await expectNoTensorLeak(() => g.step());
    g.dispose();
  });

  it("the D update commits spectral-norm u and BN moving stats; the G update commits G's BN stats", async () => {
    const g = await gan(
      { kind: 'dcgan', width: 2 },
      { kind: 'spectral-norm', inner: { kind: 'dcgan', width: 2, batchNorm: true } },
      [16, 16, 1],
    );
    const dState = snapshot(g.discriminator.state);
    const gState = snapshot(g.generator.state);
    const logs = g.step();
    expect(Number.isFinite(logs.d_loss) && Number.isFinite(logs.g_loss)).toBe(true);
    // the score head's u has one entry (a [f, 1] kernel): always ±1, nothing to update
    const head = 'spectral-norm/layers/6/kernel/u';
    expect(dState[head].length).toBe(1);
    expect(changed(dState, g.discriminator.state).sort()).toEqual(
      Object.keys(dState)
        .filter((k) => k !== head)
        .sort(),
    );
    expect(changed(gState, g.generator.state).sort()).toEqual(Object.keys(gState).sort());
    g.dispose();
  });

  it('params and state round-trip through a checkpoint, and training resumes bit for bit', async () => {
    const spec = [
      { kind: 'dcgan', width: 2 },
      { kind: 'spectral-norm', inner: { kind: 'dcgan', width: 2, batchNorm: true } },
    ] as const;
    const a = await gan(spec[0], spec[1], [16, 16, 1]);
    for (let i = 0; i < 3; i++) a.step();
    const files = await a.checkpointFiles();
    const b = await gan(spec[0], spec[1], [16, 16, 1], 99);
    await b.restoreCheckpointFiles(async (file) => files.get(file)!, 'memory');
    for (const net of ['generator', 'discriminator'] as const) {
      expect(snapshot(b[net].params)).toEqual(snapshot(a[net].params));
      expect(snapshot(b[net].state)).toEqual(snapshot(a[net].state));
    }
    const la = a.step();
    const lb = b.step();
    expect(lb.d_loss).toBe(la.d_loss);
    expect(lb.g_loss).toBe(la.g_loss);
    expect(snapshot(b.discriminator.state)).toEqual(snapshot(a.discriminator.state));
    a.dispose();
    b.dispose();
  });
});
