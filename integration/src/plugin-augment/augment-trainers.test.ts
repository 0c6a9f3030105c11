// plugin-augment under every trainer with the real losses, models and data: every stabilizer at
// once (ADA, bCR, R1, the gradient penalty, LeCam, EMA) for 200 steps without a tensor leak; the
// unrolled trainer trains D∘T in its generator update (with K = 0 bit for bit the default
// trainer's run, augmentation included); the wgan-gp preset's critic steps each draw their own T.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGan, installGradientFixes, type GanConfig } from '@ganforge/core';
import { expectNoTensorLeak, testingPlugin } from '@ganforge/core/testing';
import { dataPlugin } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { augmentPlugin } from '@ganforge/plugin-augment';
import { unrolledPlugin } from '@ganforge/plugin-unrolled';
import { wganPlugin } from '@ganforge/plugin-wgan';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

const plugins = [
  lossesPlugin(),
  modelsPlugin(),
  dataPlugin(),
  wganPlugin(),
  unrolledPlugin(),
  augmentPlugin(),
  testingPlugin(),
];
const pixels = Array.from({ length: 48 * 64 }, (_, i) => Math.tanh(Math.sin(i * 0.13) * 2));

/** 48 8×8 one-channel images held in memory (core's `testing-table`), the models package's MLPs. */
function config(extra: Partial<GanConfig> = {}): GanConfig {
  return {
    seed: 6,
    backend: 'cpu',
    data: { kind: 'testing-table', values: pixels, sampleShape: [8, 8, 1] },
    loss: { kind: 'non-saturating' },
    generator: { kind: 'mlp', hidden: [16], outputActivation: 'tanh' },
    discriminator: { kind: 'mlp', hidden: [16], activation: 'tanh' },
    augment: { kind: 'ada', interval: 2, rampImages: 400, target: 0.3 },
    latentDim: 4,
    batchSize: 8,
    ...extra,
  };
}

const build = (extra: Partial<GanConfig> = {}) => createGan(config(extra), { plugins });

describe('plugin-augment under every trainer', () => {
  it('every stabilizer on (ADA, bCR, R1, gradient penalty, LeCam, EMA): 200 steps, no tensor leak', async () => {
    const gan = await build({
      regularizers: [
        { kind: 'bcr' },
        { kind: 'r1', gamma: 1 },
        { kind: 'gradient-penalty', lambda: 1 },
        { kind: 'lecam' },
      ],
      ema: { decay: 0.99 },
    });
    let last: Record<string, number> = {};
    await expectNoTensorLeak(
      () => {
        last = gan.step();
      },
      { checkpoints: [50, 125, 200] },
    );
    for (const key of ['augment_p', 'augment_rt', 'reg_bcr', 'reg_r1', 'reg_gradient_penalty', 'reg_lecam'])
      expect(Number.isFinite(last[key]), key).toBe(true);
    expect(gan.stepCount).toBe(200);
    gan.dispose();
  });

  it('unrolled with K = 0 is the default trainer bit for bit with augmentation on; with K = 2 its G update draws one T', async () => {
    const run = async (trainer?: GanConfig['trainer']) => {
      const gan = await build({ trainer, augment: { kind: 'diff-augment' } });
      const logs = await gan.fit({ steps: 4 });
      const streams = (gan as unknown as { streams: { augment: { state(): unknown } } }).streams;
      const augmentStream = JSON.stringify(streams.augment.state());
      const w = Array.from(gan.generator.params[Object.keys(gan.generator.params)[0]].dataSync());
      gan.dispose();
      return { losses: logs.map((l) => [l.g_loss, l.d_loss]), w, augmentStream };
    };
    const plain = await run();
    const k0 = await run({ kind: 'unrolled', unrollSteps: 0 });
    expect(k0).toEqual(plain);
    const k2 = await run({ kind: 'unrolled', unrollSteps: 2 });
    expect(k2.losses.flat().every(Number.isFinite)).toBe(true);
    expect(k2.w).not.toEqual(plain.w);
    // One draw per D update and one per G update, as the default trainer: the inner updates and
    // the outer loss share the G update's T.
    expect(k2.augmentStream).toBe(plain.augmentStream);
  });

  it('the wgan-gp preset: one T per critic step and per generator step', async () => {
    const gan = await build({
      preset: 'wgan-gp',
      loss: undefined,
      trainer: { dSteps: 3 },
      augment: { kind: 'diff-augment' },
    });
    const streams = (gan as unknown as { streams: { augment: { state(): unknown } } }).streams;
    const before = JSON.stringify(streams.augment.state());
    const logs = await gan.fit({ steps: 2 });
    expect(JSON.stringify(streams.augment.state())).not.toBe(before);
    for (const l of logs) expect(Number.isFinite(l.reg_gradient_penalty)).toBe(true);
    gan.dispose();
  });
});
