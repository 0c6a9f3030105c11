import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { GAN_COMPONENT } from '../di/tokens.js';
import { createGanContainer, getRegistry } from '../di/create-gan-container.js';
import { resolveConfig } from '../config/resolve-config.js';
import { createGan } from '../gan/create-gan.js';
import { defineComponent, type PresetConfig } from '../registry/component.js';
import { Rng } from '../rng/rng.js';
import { expectNoTensorLeak } from '../testing/expect-no-tensor-leak.js';
import { testingPlugin } from '../testing/testing-plugin.js';
import type { GanConfig, PresetNetworksConfig } from '../config/types.js';
import type { Generator } from '../types/network.js';
import type { GanPlugin } from '../types/plugin.js';

/**
 * A generator fitted when it is built: x = μ + σ·z with μ, σ the mean and standard deviation of
 * the rows drawn from the run's data source (BuildContext.data), kept as state.
 */
function fittedGaussianGenerator(rows: Float32Array): Generator {
  let sum = 0;
  for (const v of rows) sum += v;
  const mean = sum / rows.length;
  let squares = 0;
  for (const v of rows) squares += (v - mean) ** 2;
  const initial = [tf.tensor1d([mean]), tf.tensor1d([Math.sqrt(squares / rows.length)])];
  const state = { mean: tf.variable(initial[0], false), std: tf.variable(initial[1], false) };
  tf.dispose(initial);
  return {
    params: {},
    state,
    supportsSubstituteParams: true,
    latentDim: 1,
    outputShape: [1],
    generate(z, o) {
      const s = o.state ?? state;
      return { x: tf.tidy(() => z.mul(s.std).add(s.mean)), state: s };
    },
    dispose() {
      for (const v of Object.values(state)) v.dispose();
    },
  };
}

const PRESET: PresetConfig = {
  generator: { kind: 'fitted-gaussian' },
  discriminator: { kind: 'none' },
  trainer: { kind: 'fit-only' },
  steps: 1,
};

function fittedPlugin(preset: PresetConfig = PRESET): GanPlugin {
  return {
    name: 'fitted-fixture',
    register(container) {
      container.register(GAN_COMPONENT, {
        useValue: defineComponent({
          kind: 'generator',
          name: 'fitted-gaussian',
          description: 'tests only',
          options: z.strictObject({}),
          create: (_o, ctx) => {
            if (!ctx.data) throw new ConfigError('fitted-gaussian needs the data', 'generator');
            const batch = ctx.data.sampler(new Rng(0, 'fit')).next(2000);
            const rows = batch.x.dataSync() as Float32Array;
            batch.x.dispose();
            return fittedGaussianGenerator(rows);
          },
        }),
      });
      container.register(GAN_COMPONENT, {
        useValue: defineComponent({
          kind: 'preset',
          name: 'fitted',
          description: 'tests only',
          options: z.strictObject({}),
          create: () => preset,
        }),
      });
    },
  };
}

const plugins = [testingPlugin(), fittedPlugin()];
const config = (extra: Partial<GanConfig> = {}): PresetNetworksConfig => ({
  seed: 2,
  backend: 'cpu',
  data: { kind: 'testing-mixture-1d', means: [-2, 2], std: 0.2 },
  loss: { kind: 'testing-non-saturating' },
  preset: 'fitted',
  ...extra,
});
const resolve = (input: unknown, p: GanPlugin[] = plugins) =>
  resolveConfig(input, getRegistry(createGanContainer(p)));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('a preset that supplies the networks and steps', () => {
  it('fills generator, discriminator, trainer and steps, recording the preset as their source', () => {
    const r = resolve(config());
    expect(r.generator).toEqual({ kind: 'fitted-gaussian' });
    expect(r.discriminator).toEqual({ kind: 'none' });
    expect(r.trainer.kind).toBe('fit-only');
    expect(r.steps).toBe(1);
    expect(r.sources).toMatchObject({
      generator: 'preset:fitted',
      discriminator: 'preset:fitted',
      'trainer.kind': 'preset:fitted',
      steps: 'preset:fitted',
    });
  });

  it("lets the user's blocks and steps win", () => {
    const r = resolve(config({ generator: { kind: 'tiny-mlp', hidden: [4] }, steps: 3 }));
    expect(r.generator).toEqual({ kind: 'tiny-mlp', hidden: [4], activation: 'leaky-relu' });
    expect(r.discriminator).toEqual({ kind: 'none' });
    expect(r.steps).toBe(3);
    expect(r.sources).toMatchObject({ generator: 'user', discriminator: 'preset:fitted', steps: 'user' });
  });

  it('still requires the networks when no preset supplies them, naming the preset that did not', () => {
    const issues = (input: unknown, p?: GanPlugin[]) => {
      try {
        resolve(input, p);
      } catch (e) {
        return (e as ConfigError).issues.map((i) => `${i.path}: ${i.message}`);
      }
      return [];
    };
    const data = { kind: 'testing-mixture-1d', means: [0], std: 1 };
    expect(issues({ data, loss: { kind: 'testing-non-saturating' } })).toEqual([
      'generator: expected an object, found nothing (the field is missing)',
      'discriminator: expected an object, found nothing (the field is missing)',
    ]);
    const lossOnly = [testingPlugin(), fittedPlugin({ trainer: { kind: 'fit-only' } })];
    expect(issues(config(), lossOnly)).toEqual([
      'generator: expected an object, found nothing (the field is missing, and preset "fitted" supplies none)',
      'discriminator: expected an object, found nothing (the field is missing, and preset "fitted" supplies none)',
    ]);
    // An unknown preset is reported once, without guessing what it would have supplied.
    expect(issues(config({ preset: 'nope' })).map((m) => m.split(':')[0])).toEqual(['preset']);
  });

  it('validates a supplied block with the component schema and says it came from the preset', () => {
    const bad = [
      testingPlugin(),
      fittedPlugin({ ...PRESET, generator: { kind: 'tiny-mlp', hidden: 'wide' } }),
    ];
    expect(() => resolve(config(), bad)).toThrow(/generator\.hidden: .*\(from preset "fitted"\)/);
  });
});

describe('trainer fit-only and discriminator none', () => {
  let gan: Awaited<ReturnType<typeof createGan>>;
  afterAll(() => gan?.dispose());

  it('run the fitted generator through fit: one step that trains nothing, logs step and time', async () => {
    gan = await createGan(config(), { plugins });
    const mean = gan.generator.state.mean.dataSync()[0];
    const std = gan.generator.state.std.dataSync()[0];
    // The mixture ½N(−2, 0.2²) + ½N(2, 0.2²): mean 0, variance 4 + 0.04.
    expect(Math.abs(mean)).toBeLessThan(0.15);
    expect(std).toBeCloseTo(Math.sqrt(4.04), 1);
    const history = await gan.fit();
    expect(history.map((l) => Object.keys(l).sort())).toEqual([['step', 'step_time_ms']]);
    expect(gan.stepCount).toBe(1);
    expect(gan.trainer.name).toBe('fit-only');
    expect(gan.generator.state.mean.dataSync()[0]).toBe(mean);
    const x = gan.sample({ n: 4000 });
    const drawn = Array.from(x.dataSync());
    x.dispose();
    const sampleMean = drawn.reduce((a, b) => a + b, 0) / drawn.length;
    expect(Math.abs(sampleMean - mean)).toBeLessThan(0.1);
  });

  it('checkpoint the fitted state and the step count', async () => {
    const files = await gan.checkpointFiles();
    const other = await createGan(config(), { plugins });
    other.generator.state.mean.assign(tf.tensor1d([7]));
    await other.restoreCheckpointFiles(async (f) => files.get(f)!, 'memory');
    expect(other.stepCount).toBe(1);
    expect(other.generator.state.mean.dataSync()[0]).toBe(gan.generator.state.mean.dataSync()[0]);
    expect(Object.keys(other.discriminator.params)).toEqual([]);
    other.dispose();
  });

  it('none scores nothing: its forward is a ConfigError at discriminator', () => {
    expect(gan.discriminator.inputShape).toEqual([1]);
    const x = tf.zeros([2, 1]);
    expect(() => gan.discriminator.forward(x, { training: false })).toThrow(ConfigError);
    expect(() => gan.discriminator.forward(x, { training: false })).toThrow(/trainer "fit-only"/);
    x.dispose();
  });

  it('leaks no tensor over steps and samples', async () => {
    await expectNoTensorLeak(() => {
      gan.step();
      gan.sample({ n: 8 }).dispose();
    });
  });

  it('refuses a generator with trainable parameters', async () => {
    const error = await createGan(config({ generator: { kind: 'tiny-mlp', hidden: [4] }, latentDim: 2 }), {
      plugins,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual(['trainer']);
    expect((error as ConfigError).message).toMatch(
      /trainer "fit-only" updates no parameters, but the generator has 4 trainable tensors \(layers\/0\/kernel, .*use trainer "default"/,
    );
  });
});
