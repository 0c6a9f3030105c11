// A short conditional run on the real MNIST digits of @ganforge/data/node: the labels flow from the
// data source through the trainer, `sample({ labels })` picks digits, metrics that generate without
// labels get every digit equally often. The quality figure (classifier agreement) is bench/cgan's.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGan, installGradientFixes, type GanConfig } from '@ganforge/core';
import { expectNoTensorLeak } from '@ganforge/core/testing';
import { dataPlugin } from '@ganforge/data/node';
import { lossesPlugin } from '@ganforge/losses';
import { classifierScoreMetric } from '@ganforge/metrics';
import { modelsPlugin } from '@ganforge/models';
import { cganPlugin } from '@ganforge/plugin-cgan';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

const plugins = [lossesPlugin(), modelsPlugin(), dataPlugin(), cganPlugin()];

function config(discriminator: object): GanConfig {
  return {
    seed: 4,
    backend: 'cpu',
    data: { kind: 'mnist', split: 'train', flatten: true },
    generator: { kind: 'conditional', inner: { kind: 'mlp', hidden: [32] } },
    discriminator,
    loss: { kind: 'non-saturating' },
    latentDim: 16,
    batchSize: 16,
  } as unknown as GanConfig;
}

describe('conditional MNIST (real digits)', () => {
  it('labels from the mnist source reach G and D; sample({ labels }); a metric generating without labels runs; no leak', async () => {
    const gan = await createGan(
      config({ kind: 'conditional', mode: 'projection', inner: { kind: 'mlp', hidden: [32] } }),
      { plugins },
    );
    expect(gan.data.numClasses).toBe(10);
    expect(gan.generator.params['inner/layers/0/kernel'].shape).toEqual([26, 32]);
    expect(gan.discriminator.params['projection/kernel'].shape).toEqual([10, 32]);
    await expectNoTensorLeak(() => expect(Number.isFinite(gan.step().d_loss)).toBe(true));
    const digits = gan.sample({ n: 10, labels: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });
    expect(digits.shape).toEqual([10, 784]);
    digits.dispose();
    const metric = await classifierScoreMetric({ samples: 100 }).compute(gan.metricContext());
    expect(metric.n).toBe(100);
    expect(metric.score).toBeGreaterThanOrEqual(1);
    gan.dispose();
  });

  it("a numClasses that is not the data's is a ConfigError naming both", async () => {
    const bad = config({ kind: 'conditional', numClasses: 5, inner: { kind: 'mlp', hidden: [8] } });
    await expect(createGan(bad, { plugins })).rejects.toThrow(
      /discriminator.numClasses is 5, but the data has 10 classes/,
    );
  });
});
