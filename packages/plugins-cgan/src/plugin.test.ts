import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, createGan, installGradientFixes, type GanConfig } from '@ganforge/core';
import { expectNoTensorLeak, testingPlugin } from '@ganforge/core/testing';
import { cganPlugin } from './plugin.js';
import { labelledDataPlugin } from './test-helpers.js';
import { CGAN_VERSION } from './version.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

const plugins = [testingPlugin(), labelledDataPlugin(), cganPlugin()];

function config(overrides: Partial<GanConfig> = {}): GanConfig {
  return {
    seed: 5,
    backend: 'cpu',
    data: { kind: 'testing-labelled', means: [-2, 2], std: 0.1 },
    generator: { kind: 'conditional', inner: { kind: 'tiny-mlp', hidden: [16] } },
    discriminator: { kind: 'conditional', inner: { kind: 'tiny-mlp', hidden: [16] } },
    loss: { kind: 'testing-non-saturating' },
    optimizers: {
      generator: { kind: 'adam', lr: 2e-3, beta1: 0.5 },
      discriminator: { kind: 'adam', lr: 2e-3, beta1: 0.5 },
    },
    latentDim: 2,
    batchSize: 32,
    ...overrides,
  } as GanConfig;
}

function mean(t: tf.Tensor): number {
  const v = Array.from(t.dataSync());
  t.dispose();
  return v.reduce((a, b) => a + b, 0) / v.length;
}

describe('cganPlugin', () => {
  it("registers the conditional wrappers; its version is package.json's", async () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(CGAN_VERSION).toBe(pkg.version);
    const gan = await createGan(config(), { plugins });
    expect(Object.keys(gan.generator.params)).toContain('inner/layers/0/kernel');
    expect(gan.generator.params['inner/layers/0/kernel'].shape).toEqual([4, 16]);
    expect(gan.discriminator.params['inner/layers/0/kernel'].shape).toEqual([3, 16]);
    gan.dispose();
  });

  it('clear errors: data without labels, numClasses mismatch, embeddingDim outside embedding mode, projection G', async () => {
    const unlabelled = { data: { kind: 'testing-mixture-1d', means: [0], std: 1 } } as Partial<GanConfig>;
    await expect(createGan(config(unlabelled), { plugins })).rejects.toThrow(
      /generator: a conditional network needs class labels, but the data source has none/,
    );
    const mismatch = config({
      discriminator: { kind: 'conditional', numClasses: 10, inner: { kind: 'tiny-mlp' } },
    } as Partial<GanConfig>);
    await expect(createGan(mismatch, { plugins })).rejects.toThrow(
      /discriminator.numClasses is 10, but the data has 2 classes/,
    );
    await expect(createGan(mismatch, { plugins })).rejects.toThrow(ConfigError);
    const dim = config({
      generator: { kind: 'conditional', embeddingDim: 4, inner: { kind: 'tiny-mlp' } },
    } as Partial<GanConfig>);
    await expect(createGan(dim, { plugins })).rejects.toThrow(
      /generator.embeddingDim applies to mode "embedding" only \(mode is "concat"\)/,
    );
    const projectionG = config({
      generator: { kind: 'conditional', mode: 'projection', inner: { kind: 'tiny-mlp' } },
    } as unknown as Partial<GanConfig>);
    await expect(createGan(projectionG, { plugins })).rejects.toThrow(
      /generator\.mode.*"concat".*"embedding"/s,
    );
  });

  for (const [gMode, dMode] of [
    ['concat', 'concat'],
    ['embedding', 'embedding'],
    ['concat', 'projection'],
  ] as const) {
    it(`G ${gMode} / D ${dMode}: trains 120 steps without a tensor leak; sample({ labels }) and out-of-range labels`, async () => {
      const gan = await createGan(
        config({
          generator: { kind: 'conditional', mode: gMode, inner: { kind: 'tiny-mlp', hidden: [16] } },
          discriminator: { kind: 'conditional', mode: dMode, inner: { kind: 'tiny-mlp', hidden: [16] } },
        } as Partial<GanConfig>),
        { plugins },
      );
      const report = await expectNoTensorLeak(() => {
        const logs = gan.step();
        expect(Number.isFinite(logs.g_loss) && Number.isFinite(logs.d_loss)).toBe(true);
      });
      console.log(
        `G ${gMode} / D ${dMode}: numTensors at steps 20/70/120 = ${Object.values(report.counts).join('/')}`,
      );
      const x = gan.sample({ n: 4, labels: [0, 1, 1, 0] });
      expect(x.shape).toEqual([4, 1]);
      x.dispose();
      expect(() => gan.sample({ n: 2, labels: [0, 2] })).toThrow(
        /labels\[1\] is 2; expected an integer class index in \[0, 2\)/,
      );
      const before = tf.memory().numTensors;
      gan.sampleFixed().dispose();
      expect(tf.memory().numTensors).toBe(before);
      gan.dispose();
    });
  }

  it('a checkpoint restores the wrapper params (inner/…, embedding/table, projection/kernel) exactly', async () => {
    const cfg = config({
      generator: { kind: 'conditional', mode: 'embedding', inner: { kind: 'tiny-mlp', hidden: [8] } },
      discriminator: { kind: 'conditional', mode: 'projection', inner: { kind: 'tiny-mlp', hidden: [8] } },
    } as Partial<GanConfig>);
    const a = await createGan(cfg, { plugins });
    for (let i = 0; i < 5; i++) a.step();
    const files = await a.checkpointFiles();
    const b = await createGan(cfg, { plugins });
    await b.restoreCheckpointFiles(async (f) => files.get(f) as Uint8Array, 'memory');
    for (const key of ['embedding/table', 'inner/layers/0/kernel']) {
      expect(Array.from(b.generator.params[key].dataSync())).toEqual(
        Array.from(a.generator.params[key].dataSync()),
      );
    }
    expect(Array.from(b.discriminator.params['projection/kernel'].dataSync())).toEqual(
      Array.from(a.discriminator.params['projection/kernel'].dataSync()),
    );
    const la = a.step();
    const lb = b.step();
    expect(lb.g_loss).toBe(la.g_loss);
    a.dispose();
    b.dispose();
  });

  it('the trainer passes the labels: after 600 steps, class 0 samples sit near −2 and class 1 near +2', async () => {
    const gan = await createGan(
      config({
        discriminator: { kind: 'conditional', mode: 'projection', inner: { kind: 'tiny-mlp', hidden: [16] } },
      } as Partial<GanConfig>),
      { plugins },
    );
    await gan.fit({ steps: 600, keepHistory: false });
    const m0 = mean(gan.sample({ n: 200, labels: Array(200).fill(0) }));
    const m1 = mean(gan.sample({ n: 200, labels: Array(200).fill(1) }));
    console.log(
      `conditional 1-D mixture after 600 steps: mean of class 0 samples ${m0.toFixed(3)} (data −2), class 1 ${m1.toFixed(3)} (data +2)`,
    );
    expect(Math.abs(m0 + 2)).toBeLessThan(0.5);
    expect(Math.abs(m1 - 2)).toBeLessThan(0.5);
    gan.dispose();
  });
});
