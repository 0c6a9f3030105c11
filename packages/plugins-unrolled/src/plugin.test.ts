import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import {
  ConfigError,
  createGan,
  createGanContainer,
  getRegistry,
  installGradientFixes,
  resolveConfig,
  type GanConfig,
} from '@ganforge/core';
import { testingPlugin } from '@ganforge/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { unrolledPlugin } from './plugin.js';
import { UnrolledTrainer } from './unrolled-trainer.js';
import { unrolledTrainerOptionsSchema } from './unrolled-trainer-component.js';
import { UNROLLED_VERSION } from './version.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

const config = (trainer: GanConfig['trainer']): GanConfig => ({
  seed: 3,
  backend: 'cpu',
  data: { kind: 'testing-mixture-1d', means: [-2, 2], std: 0.2 },
  generator: { kind: 'tiny-mlp', hidden: [16], activation: 'tanh' },
  discriminator: { kind: 'tiny-mlp', hidden: [16], activation: 'tanh' },
  loss: { kind: 'testing-non-saturating' },
  latentDim: 4,
  batchSize: 32,
  steps: 4,
  trainer,
});

const registry = () => getRegistry(createGanContainer([unrolledPlugin(), testingPlugin()]));

function configError(c: GanConfig): ConfigError {
  try {
    resolveConfig(c, registry());
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new ConfigError('expected a ConfigError');
}

describe('unrolledPlugin', () => {
  it("registers the trainer 'unrolled' under its package name; version equals package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const plugin = unrolledPlugin();
    expect(plugin.name).toBe('@ganforge/plugin-unrolled');
    expect(UNROLLED_VERSION).toBe(pkg.version);
    expect(plugin.version).toBe(pkg.version);
    const r = registry();
    expect(r.list('trainer')).toEqual(expect.arrayContaining(['default', 'unrolled']));
    expect(r.find('trainer', 'unrolled')?.plugin).toBe('@ganforge/plugin-unrolled');
  });

  it('documents its defaults: K = 10 (the paper’s mixture experiments), second order', () => {
    expect(unrolledTrainerOptionsSchema.parse({})).toEqual({ unrollSteps: 10, firstOrder: false });
  });

  it('builds from a config (dSteps resolved by core) and trains; checkpoints the same groups as the default trainer', async () => {
    const gan = await createGan(config({ kind: 'unrolled', unrollSteps: 2, dSteps: 2 }), {
      plugins: [unrolledPlugin(), testingPlugin()],
    });
    expect(gan.trainer).toBeInstanceOf(UnrolledTrainer);
    expect(gan.trainer.name).toBe('unrolled');
    expect((gan.trainer as UnrolledTrainer).unrollSteps).toBe(2);
    expect((gan.trainer as UnrolledTrainer).firstOrder).toBe(false);
    const logs = gan.step();
    expect(Object.keys(logs)).toEqual(
      expect.arrayContaining(['g_loss', 'd_loss', 'unrolled_d_loss', 'g_grad_norm', 'd_grad_norm']),
    );
    expect(Object.keys(gan.trainer.getState().tensors).sort()).toEqual([
      'optimizer/discriminator',
      'optimizer/generator',
    ]);
    gan.dispose();
    const defaults = resolveConfig(config({ kind: 'unrolled' }), registry());
    expect(defaults.trainer).toEqual({ kind: 'unrolled', dSteps: 1, unrollSteps: 10, firstOrder: false });
  });

  it('rejects bad options at their config path', () => {
    const negative = configError(config({ kind: 'unrolled', unrollSteps: -1 }));
    expect(negative.issues[0].path).toBe('trainer.unrollSteps');
    const fractional = configError(config({ kind: 'unrolled', unrollSteps: 2.5 }));
    expect(fractional.issues[0].path).toBe('trainer.unrollSteps');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const unknown = configError(config({ kind: 'unrolled', unroll: 5 } as any));
    expect(unknown.issues[0].path).toBe('trainer.unroll');
  });
});
