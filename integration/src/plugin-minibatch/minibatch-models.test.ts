// plugin-minibatch with the real models, losses and data: a batch-norm MLP body (its state lives
// under body/ and the D update commits it), spectral norm inside and outside the wrapper, R1 (a
// second derivative through the minibatch layer inside the trainer) and no tensor leak.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGan, installGradientFixes, type GanConfig, type ParamTree } from '@ganforge/core';
import { expectNoTensorLeak } from '@ganforge/core/testing';
import { dataPlugin } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { minibatchPlugin } from '@ganforge/plugin-minibatch';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

const plugins = [lossesPlugin(), modelsPlugin(), dataPlugin(), minibatchPlugin()];

function config(discriminator: GanConfig['discriminator'], extra: Partial<GanConfig> = {}): GanConfig {
  return {
    seed: 3,
    backend: 'cpu',
    data: { kind: 'ring' },
    loss: { kind: 'non-saturating' },
    generator: { kind: 'mlp', hidden: [16], activation: 'relu', outputActivation: 'linear' },
    discriminator,
    optimizers: { generator: { lr: 1e-3 }, discriminator: { lr: 1e-3 } },
    latentDim: 2,
    batchSize: 16,
    ...extra,
  };
}

function values(tree: ParamTree): Record<string, number[]> {
  return Object.fromEntries(Object.entries(tree).map(([k, t]) => [k, Array.from(t.dataSync())]));
}

describe('plugin-minibatch + models + losses + data', () => {
  it('wraps a batch-norm mlp: its moving statistics are state under body/, committed by the D update; no tensor leak', async () => {
    const gan = await createGan(
      config({
        kind: 'minibatch-discrimination',
        body: { kind: 'mlp', hidden: [16, 16], normalization: 'batch-norm' },
        B: 8,
        C: 4,
      }),
      { plugins },
    );
    const d = gan.discriminator;
    expect(Object.keys(d.state).sort()).toEqual([
      'body/layers/1/movingMean',
      'body/layers/1/movingVariance',
      'body/layers/4/movingMean',
      'body/layers/4/movingVariance',
    ]);
    // The mlp's own score head (layers/6, after dense-bn-act twice) is left out: only the new head scores.
    expect(Object.keys(d.params).filter((k) => !k.startsWith('body/'))).toEqual([
      'minibatch/T',
      'head/kernel',
      'head/bias',
    ]);
    expect(Object.keys(d.params).some((k) => k.startsWith('body/layers/6/'))).toBe(false);
    expect(d.params['minibatch/T'].shape).toEqual([16, 8, 4]);
    const before = values(d.state);
    gan.step();
    const after = values(d.state);
    for (const k of Object.keys(before)) expect(after[k], k).not.toEqual(before[k]);
    await expectNoTensorLeak(() => gan.step());
    gan.dispose();
  });

  it('composes with spectral-norm both ways (inside: the body is normalized; outside: head/kernel is too)', async () => {
    const inside = await createGan(
      config({
        kind: 'minibatch-stddev',
        body: { kind: 'spectral-norm', inner: { kind: 'mlp', hidden: [16] } },
      }),
      { plugins },
    );
    // Spectral norm keeps a u for the body's unused head kernel too (layers/2): harmless, never read.
    expect(Object.keys(inside.discriminator.state)).toEqual([
      'body/spectral-norm/layers/0/kernel/u',
      'body/spectral-norm/layers/2/kernel/u',
    ]);
    const outside = await createGan(
      config({
        kind: 'spectral-norm',
        inner: { kind: 'minibatch-discrimination', body: { kind: 'mlp', hidden: [16] }, B: 4, C: 3 },
      }),
      { plugins },
    );
    expect(Object.keys(outside.discriminator.state).sort()).toEqual([
      'spectral-norm/body/layers/0/kernel/u',
      'spectral-norm/head/kernel/u',
    ]);
    for (const gan of [inside, outside]) {
      const logs = gan.step();
      expect(Number.isFinite(logs.d_loss) && Number.isFinite(logs.g_loss)).toBe(true);
      gan.dispose();
    }
  });

  it('R1 differentiates through the minibatch layer a second time: finite, positive, logged; no tensor leak', async () => {
    const gan = await createGan(
      config(
        {
          kind: 'minibatch-discrimination',
          body: { kind: 'mlp', hidden: [16], activation: 'tanh' },
          B: 4,
          C: 3,
        },
        { regularizers: [{ kind: 'r1', gamma: 1 }] },
      ),
      { plugins },
    );
    const r1: number[] = [];
    await expectNoTensorLeak(() => r1.push(gan.step().reg_r1));
    expect(r1.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    gan.dispose();
  });
});
