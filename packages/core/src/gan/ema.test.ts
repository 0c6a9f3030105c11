// The generator EMA through a whole GAN: the update after each step, everything that generates
// for users on the averaged weights, the checkpoint round trip, export, and no tensor leak.
import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { GAN_COMPONENT } from '../di/tokens.js';
import { CheckpointError, ConfigError } from '../errors.js';
import { exportGeneratorFiles, loadGenerator } from './generator-export.js';
import { createGan } from '../node.js';
import { defineComponent } from '../registry/component.js';
import { expectNoTensorLeak } from '../testing/expect-no-tensor-leak.js';
import { testingPlugin } from '../testing/testing-plugin.js';
import { tinyMlpGenerator } from '../testing/tiny-mlp.js';
import type { GanPlugin } from '../types/plugin.js';
import type { ParamTree } from '../types/network.js';
import { testConfig } from './fixtures/test-config.js';
import type { Gan } from './gan.js';

const plugins = [testingPlugin()];
const emaConfig = (ema: { decay?: number; startStep?: number } = { decay: 0.9, startStep: 3 }) =>
  testConfig({ ema, discriminator: { kind: 'tiny-mlp', hidden: [8] } });

const read = (tree: ParamTree): Record<string, number[]> =>
  Object.fromEntries(Object.entries(tree).map(([k, t]) => [k, Array.from(t.dataSync())]));
const flat = (t: tf.Tensor) => Array.from(t.dataSync());

describe('generator EMA in a GAN', () => {
  it('copies G through the start step, then averages after every step', async () => {
    const gan = await createGan(emaConfig({ decay: 0.9, startStep: 3 }), { plugins });
    expect(gan.ema?.settings).toEqual({ decay: 0.9, startStep: 3, standingBatches: 0 });
    expect(read(gan.ema!.params)).toEqual(read({ ...gan.generator.params }));
    for (let t = 1; t <= 3; t++) {
      gan.step();
      expect(read(gan.ema!.params)).toEqual(read({ ...gan.generator.params }));
    }
    const before = read(gan.ema!.params);
    gan.step(); // t = 4 > startStep
    const theta = read({ ...gan.generator.params });
    const after = read(gan.ema!.params);
    for (const [path, values] of Object.entries(after)) {
      values.forEach((v, i) => expect(v).toBeCloseTo(0.9 * before[path][i] + 0.1 * theta[path][i], 5));
      expect(values).not.toEqual(theta[path]);
    }
    gan.dispose();
  });

  it('generates samples, fixed samples and metric samples from the averaged weights', async () => {
    const gan = await createGan(emaConfig({ decay: 0.95 }), { plugins });
    await gan.fit({ steps: 12 });
    const noise = tf.tidy(() => tf.randomNormal([16, 4], 0, 1, 'float32', 7));
    const onEma = (z: tf.Tensor) =>
      tf.tidy(() => gan.generator.generate(z, { training: false, params: gan.ema!.params }).x);
    const onRaw = (z: tf.Tensor) => tf.tidy(() => gan.generator.generate(z, { training: false }).x);

    const sampled = gan.sample({ n: 16, noise });
    const raw = gan.sample({ n: 16, noise, weights: 'raw' });
    const [expectEma, expectRaw] = [onEma(noise), onRaw(noise)];
    expect(flat(sampled)).toEqual(flat(expectEma));
    expect(flat(raw)).toEqual(flat(expectRaw));
    expect(flat(sampled)).not.toEqual(flat(raw));

    // metricContext: same metrics-stream draw, generated with θ_ema (default) or θ ('raw').
    const ctx = gan.metricContext();
    const state = ctx.rng.state();
    const metricSamples = ctx.generate(16);
    ctx.rng.restore(state);
    const rawSamples = gan.metricContext({ weights: 'raw' }).generate(16);
    ctx.rng.restore(state);
    const z = ctx.rng.normalTensor([16, 4]);
    const [zEma, zRaw] = [onEma(z), onRaw(z)];
    expect(flat(metricSamples)).toEqual(flat(zEma));
    expect(flat(rawSamples)).toEqual(flat(zRaw));
    expect(flat(metricSamples)).not.toEqual(flat(rawSamples));

    const fixed = gan.sampleFixed();
    const fixedRaw = gan.sampleFixed({ weights: 'raw' });
    expect(flat(fixed)).not.toEqual(flat(fixedRaw));
    tf.dispose([noise, sampled, raw, expectEma, expectRaw, metricSamples, rawSamples, z, zEma, zRaw]);
    tf.dispose([fixed, fixedRaw]);
    gan.dispose();
  });

  it("refuses weights: 'ema' without an ema block, and samples raw weights by default then", async () => {
    const gan = await createGan(testConfig(), { plugins });
    expect(gan.ema).toBeUndefined();
    expect(() => gan.sample({ n: 2, weights: 'ema' })).toThrow(ConfigError);
    expect(() => gan.metricContext({ weights: 'ema' })).toThrow(/no `ema` block/);
    await expect(exportGeneratorFiles(gan, { weights: 'ema' })).rejects.toThrow(ConfigError);
    gan.dispose();
  });

  it('round-trips the average through a checkpoint and resumes bit for bit', async () => {
    const full = await createGan(emaConfig(), { plugins });
    const fullLogs = await full.fit({ steps: 16 });

    const first = await createGan(emaConfig(), { plugins });
    await first.fit({ steps: 8 });
    const files = await first.checkpointFiles();
    expect([...files.keys()].some((f) => f.startsWith('generator-ema'))).toBe(true);
    const second = await createGan(emaConfig(), { plugins });
    await second.restoreCheckpointFiles(async (f) => files.get(f)!, 'memory');
    expect(read(second.ema!.params)).toEqual(read(first.ema!.params));
    const resumedLogs = await second.fit({ steps: 8 });

    expect(second.stepCount).toBe(16);
    const losses = (logs: typeof fullLogs) => logs.map((l) => [l.g_loss, l.d_loss]);
    expect(losses(resumedLogs)).toEqual(losses(fullLogs.slice(8)));
    expect(read(second.ema!.params)).toEqual(read(full.ema!.params));
    expect(read({ ...second.generator.params })).toEqual(read({ ...full.generator.params }));
    const [a, b] = [second.sampleFixed(), full.sampleFixed()];
    expect(flat(a)).toEqual(flat(b));
    tf.dispose([a, b]);
    for (const g of [full, first, second]) g.dispose();
  });

  it('refuses a checkpoint without an average when EMA is on, changing nothing', async () => {
    const plain = await createGan(testConfig({ discriminator: { kind: 'tiny-mlp', hidden: [8] } }), {
      plugins,
    });
    await plain.fit({ steps: 2 });
    const files = await plain.checkpointFiles();
    const gan = await createGan(emaConfig(), { plugins });
    const before = read({ ...gan.generator.params });
    await expect(gan.restoreCheckpointFiles(async (f) => files.get(f)!, 'memory')).rejects.toThrow(
      CheckpointError,
    );
    expect(read({ ...gan.generator.params })).toEqual(before);
    plain.dispose();
    gan.dispose();
  });

  it("exports the averaged generator by default and the raw one with weights: 'raw'", async () => {
    const gan = await createGan(emaConfig({ decay: 0.9 }), { plugins });
    await gan.fit({ steps: 6 });
    const noise = tf.tidy(() => tf.randomNormal([8, 4], 0, 1, 'float32', 3));
    for (const weights of ['ema', 'raw'] as const) {
      const files = await exportGeneratorFiles(gan, weights === 'raw' ? { weights } : {});
      const loaded = await loadGenerator(async (f) => files.get(f)!, 'memory', plugins);
      expect(loaded.spec.weights).toBe(weights);
      expect(loaded.spec.ema).toEqual({ decay: 0.9, startStep: 0, standingBatches: 0 });
      const [a, b] = [loaded.sample({ n: 8, noise }), gan.sample({ n: 8, noise, weights })];
      expect(flat(a)).toEqual(flat(b));
      tf.dispose([a, b]);
      loaded.dispose();
    }
    noise.dispose();
    gan.dispose();
  });

  it('refuses EMA with a generator that cannot run on substitute parameters', async () => {
    const opaque: GanPlugin = {
      name: 'opaque-generator',
      register(container) {
        container.register(GAN_COMPONENT, {
          useValue: defineComponent({
            kind: 'generator',
            name: 'opaque',
            description: 'a generator without substitute parameters (tests)',
            options: z.strictObject({}),
            create: (_o, ctx) => {
              const g = tinyMlpGenerator(ctx.latentDim, ctx.sampleShape, ctx.rng, {
                hidden: [4],
                activation: 'tanh',
              });
              return {
                params: g.params,
                state: g.state,
                latentDim: g.latentDim,
                outputShape: g.outputShape,
                supportsSubstituteParams: false,
                generate: (x, o) => g.generate(x, o),
                dispose: () => g.dispose(),
              };
            },
          }),
        });
      },
    };
    const before = tf.memory().numTensors;
    const config = { ...emaConfig(), generator: { kind: 'opaque' } as never };
    const error = await createGan(config, { plugins: [...plugins, opaque] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues[0].path).toBe('ema');
    expect((error as ConfigError).message).toMatch(/substitute parameters/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaks no tensor over 200 steps with EMA on (and sampling between steps)', async () => {
    const gan: Gan = await createGan(emaConfig({ decay: 0.99, startStep: 10 }), { plugins });
    await expectNoTensorLeak(
      (i) => {
        gan.step();
        if (i % 50 === 0) gan.sampleFixed().dispose();
      },
      { checkpoints: [20, 70, 120, 200] },
    );
    gan.dispose();
  });
});
