import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  GAN_COMPONENT,
  Rng,
  type AnyComponentDefinition,
  type BuildContext,
  type DependencyContainer,
  type GanConfig,
} from '@ganforge/core';
import { modelsPlugin } from './plugin.js';
import { MODELS_VERSION } from './version.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function registered(): AnyComponentDefinition[] {
  const defs: AnyComponentDefinition[] = [];
  const container = {
    register: (token: unknown, provider: { useValue: AnyComponentDefinition }) => {
      expect(token).toBe(GAN_COMPONENT);
      defs.push(provider.useValue);
    },
  } as unknown as DependencyContainer;
  modelsPlugin().register(container);
  return defs;
}

function context(): BuildContext {
  const ctx: BuildContext = {
    rng: new Rng(1, 'init'),
    latentDim: 3,
    sampleShape: [8, 8, 1],
    build: (kind, block) => {
      const def = registered().find((d) => d.kind === kind && d.name === block.kind)!;
      const { kind: _k, ...options } = block;
      return def.create(def.options.parse(options), ctx) as never;
    },
  };
  return ctx;
}

describe('modelsPlugin', () => {
  it('registers mlp, dcgan, rnn and spectral-norm for both network kinds and the sngan preset, with the package version', () => {
    const plugin = modelsPlugin();
    expect(plugin.name).toBe('@ganforge/models');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(plugin.version).toBe(pkg.version);
    expect(MODELS_VERSION).toBe(pkg.version);
    expect(
      registered()
        .map((d) => `${d.kind}:${d.name}`)
        .sort(),
    ).toEqual([
      'discriminator:dcgan',
      'discriminator:mlp',
      'discriminator:rnn',
      'discriminator:spectral-norm',
      'generator:dcgan',
      'generator:mlp',
      'generator:rnn',
      'generator:spectral-norm',
      'preset:sngan',
    ]);
  });

  it('validates options strictly with documented defaults', () => {
    const mlp = registered().find((d) => d.kind === 'generator' && d.name === 'mlp')!;
    expect(mlp.options.parse({})).toEqual({
      hidden: [256, 256],
      activation: 'leaky-relu',
      leakyReluAlpha: 0.2,
      normalization: 'none',
      dropout: 0,
      init: 'fan-in-uniform',
      outputActivation: 'tanh',
    });
    expect(mlp.options.safeParse({ hiden: [3] }).success).toBe(false);
    expect(mlp.options.safeParse({ activation: 'swish' }).success).toBe(false);
    const dcgan = registered().find((d) => d.kind === 'discriminator' && d.name === 'dcgan')!;
    expect(dcgan.options.parse({})).toMatchObject({
      width: 64,
      kernelSize: 4,
      batchNorm: false,
      leakyReluAlpha: 0.2,
      init: 'dcgan-normal',
    });
    const rnnG = registered().find((d) => d.kind === 'generator' && d.name === 'rnn')!;
    expect(rnnG.options.parse({})).toEqual({
      cell: 'gru',
      hidden: [32, 32],
      init: 'fan-in-uniform',
      noise: 'per-step',
      outputActivation: 'tanh',
    });
    const rnnD = registered().find((d) => d.kind === 'discriminator' && d.name === 'rnn')!;
    expect(rnnD.options.parse({ cell: 'lstm', forgetBias: 1 })).toEqual({
      cell: 'lstm',
      hidden: [32, 32],
      init: 'fan-in-uniform',
      forgetBias: 1,
      pooling: 'last',
    });
    expect(rnnD.options.safeParse({ hiden: [3] }).success).toBe(false);
  });

  it('spectral-norm builds its inner block through ctx.build', () => {
    const sn = registered().find((d) => d.kind === 'discriminator' && d.name === 'spectral-norm')!;
    const options = sn.options.parse({ inner: { kind: 'dcgan', width: 2 } });
    expect(options).toEqual({ inner: { kind: 'dcgan', width: 2 }, powerIterations: 1, epsilon: 1e-12 });
    const d = sn.create(options, context()) as import('@ganforge/core').Discriminator;
    expect(Object.keys(d.state).sort()).toEqual([
      'spectral-norm/layers/0/kernel/u',
      'spectral-norm/layers/3/kernel/u',
    ]);
    expect(d.forward(tf.zeros([2, 8, 8, 1]), { training: true }).score.shape).toEqual([2, 1]);
    expect(sn.options.safeParse({ inner: { kind: 'dcgan' }, iterations: 2 }).success).toBe(false);
    d.dispose();
  });
});

describe('config types (declaration merging, checked by tsc)', () => {
  it('type-checks generator and discriminator blocks once @ganforge/models is imported', () => {
    const g: GanConfig['generator'] = { kind: 'dcgan', width: 32, batchNorm: true };
    // @ts-expect-error hidden is a list of widths
    const bad: GanConfig['generator'] = { kind: 'mlp', hidden: 'wide' };
    const d: GanConfig['discriminator'] = {
      kind: 'spectral-norm',
      inner: { kind: 'dcgan' },
      powerIterations: 1,
    };
    const rnn: GanConfig['generator'] = { kind: 'rnn', cell: 'lstm', hidden: [16], forgetBias: 1 };
    // @ts-expect-error pooling is 'last' or 'mean'
    const badRnn: NonNullable<GanConfig['discriminator']> = { kind: 'rnn', pooling: 'max' };
    expect([g.kind, bad.kind, d.kind, rnn.kind, badRnn.kind]).toEqual([
      'dcgan',
      'mlp',
      'spectral-norm',
      'rnn',
      'rnn',
    ]);
  });
});
