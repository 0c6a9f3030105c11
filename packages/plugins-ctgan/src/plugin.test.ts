import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  GAN_COMPONENT,
  Rng,
  type AnyComponentDefinition,
  type DependencyContainer,
  type GanConfig,
} from '@ganforge/core';
import { createGan } from '@ganforge/core/node';
import { dataPlugin } from '@ganforge/data/node';
import { ctganPreset } from './preset.js';
import { ctganPlugin } from './plugin.js';
import { writeTinyTableCsv } from './test-helpers.js';
import { CTGAN_VERSION } from './version.js';

const root = mkdtempSync(join(tmpdir(), 'ganforge-ctgan-plugin-'));
const csv = writeTinyTableCsv(root, 60);
beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function registered(): AnyComponentDefinition[] {
  const defs: AnyComponentDefinition[] = [];
  const container = {
    register: (token: unknown, provider: { useValue: AnyComponentDefinition }) => {
      expect(token).toBe(GAN_COMPONENT);
      defs.push(provider.useValue);
    },
  } as unknown as DependencyContainer;
  ctganPlugin().register(container);
  return defs;
}

const byName = (kind: string, name: string) =>
  registered().find((d) => d.kind === kind && d.name === name) as AnyComponentDefinition;

/** A small config on the tiny CSV; `patch` replaces top-level fields. */
function config(patch: Partial<GanConfig> = {}): GanConfig {
  return {
    seed: 1,
    backend: 'cpu',
    preset: 'ctgan',
    data: { kind: 'training-by-sampling', inner: { kind: 'table', path: csv } },
    generator: { kind: 'ctgan', hidden: [8], embeddingDim: 4 },
    discriminator: { kind: 'ctgan', hidden: [8], packing: 4 },
    batchSize: 20,
    ...patch,
  };
}

async function rejection(p: Promise<unknown>): Promise<ConfigError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new ConfigError('expected a ConfigError');
}

const plugins = [ctganPlugin(), dataPlugin()];

describe('ctganPlugin', () => {
  it('registers its components with the package version, and lists plugin-wgan as a dependency', () => {
    const plugin = ctganPlugin();
    expect(plugin.name).toBe('@ganforge/plugin-ctgan');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(plugin.version).toBe(pkg.version);
    expect(CTGAN_VERSION).toBe(pkg.version);
    expect(plugin.dependencies?.map((p) => p.name)).toEqual(['@ganforge/plugin-wgan']);
    expect(registered().map((d) => `${d.kind}:${d.name}`)).toEqual([
      'generator:ctgan',
      'discriminator:ctgan',
      'data:training-by-sampling',
      'regularizer:condition-cross-entropy',
      'regularizer:weight-decay',
      'preset:ctgan',
      'generator:gaussian-copula',
      'preset:gaussian-copula',
    ]);
  });

  it("validates options strictly, with CTGAN's defaults", () => {
    expect(byName('generator', 'ctgan').options.parse({})).toEqual({
      embeddingDim: 128,
      hidden: [256, 256],
      tau: 0.2,
    });
    expect(byName('discriminator', 'ctgan').options.parse({})).toEqual({
      hidden: [256, 256],
      packing: 10,
      dropout: 0.5,
      leakyReluAlpha: 0.2,
    });
    expect(
      byName('data', 'training-by-sampling').options.parse({ inner: { kind: 'table', path: 'x.csv' } }),
    ).toEqual({
      inner: { kind: 'table', path: 'x.csv' },
      conditionOn: ['category'],
      logFrequency: true,
    });
    expect(byName('regularizer', 'condition-cross-entropy').options.parse({})).toEqual({ weight: 1 });
    expect(byName('regularizer', 'weight-decay').options.parse({ target: 'generator' })).toEqual({
      target: 'generator',
      lambda: 1e-6,
    });
    const bad: [string, string, unknown][] = [
      ['generator', 'ctgan', { tau: 0 }],
      ['generator', 'ctgan', { hidden: [] }],
      ['generator', 'ctgan', { embedding: 128 }],
      ['generator', 'ctgan', { embeddingDim: 0 }],
      ['discriminator', 'ctgan', { packing: 0 }],
      ['discriminator', 'ctgan', { dropout: 1 }],
      ['data', 'training-by-sampling', {}],
      ['data', 'training-by-sampling', { inner: { kind: 'table' }, conditionOn: ['column'] }],
      ['regularizer', 'weight-decay', {}],
      ['regularizer', 'weight-decay', { target: 'generator', lambda: -1 }],
      ['preset', 'ctgan', { batchSize: 10 }],
    ];
    for (const [kind, name, options] of bad)
      expect(byName(kind, name).options.safeParse(options).success, JSON.stringify([name, options])).toBe(
        false,
      );
  });

  it('the preset is CTGAN’s training setup', () => {
    expect(ctganPreset()).toEqual({
      generator: { kind: 'ctgan' },
      discriminator: { kind: 'ctgan' },
      dataWrapper: { kind: 'training-by-sampling' },
      loss: { kind: 'wasserstein' },
      regularizers: [
        { kind: 'gradient-penalty', lambda: 10 },
        { kind: 'condition-cross-entropy' },
        { kind: 'weight-decay', target: 'generator', lambda: 1e-6 },
        { kind: 'weight-decay', target: 'discriminator', lambda: 1e-6 },
      ],
      trainer: { dSteps: 1 },
      optimizers: {
        generator: { kind: 'adam', lr: 2e-4, beta1: 0.5, beta2: 0.9 },
        discriminator: { kind: 'adam', lr: 2e-4, beta1: 0.5, beta2: 0.9 },
      },
      batchSize: 500,
    });
  });

  it('one line: `preset: ctgan` beside a table block is CTGAN’s networks on training-by-sampling', async () => {
    const gan = await createGan(
      { seed: 1, backend: 'cpu', preset: 'ctgan', data: { kind: 'table', path: csv } },
      { plugins },
    );
    expect(gan.config.generator).toEqual({ kind: 'ctgan', embeddingDim: 128, hidden: [256, 256], tau: 0.2 });
    expect(gan.config.discriminator).toEqual({
      kind: 'ctgan',
      hidden: [256, 256],
      packing: 10,
      dropout: 0.5,
      leakyReluAlpha: 0.2,
    });
    expect(gan.config.data).toMatchObject({
      kind: 'training-by-sampling',
      conditionOn: ['category'],
      logFrequency: true,
      inner: { kind: 'table', path: csv },
    });
    expect(gan.config.sources).toMatchObject({
      data: 'preset:ctgan',
      generator: 'preset:ctgan',
      discriminator: 'preset:ctgan',
      batchSize: 'preset:ctgan',
    });
    expect(gan.config.batchSize).toBe(500);
    expect(gan.data.numClasses).toBe(5);
    gan.dispose();
  });

  it('builds from a config: conditional generator and packed critic for the table', async () => {
    const gan = await createGan(config(), { plugins });
    expect(gan.data.numClasses).toBe(5);
    // 4 embedding + one-hot widths (color 3, member 2, amount's mixed group, size's modes) + 1
    expect(gan.generator.latentDim).toBeGreaterThan(4 + 5 + 1);
    expect(gan.discriminator.params['body/layers/0/kernel'].shape).toEqual([
      4 * (gan.data.sampleShape[0] + 5),
      8,
    ]);
    expect(gan.config.batchSize).toBe(20);
    expect(gan.config.trainer.dSteps).toBe(1);
    expect(gan.config.optimizers.generator).toMatchObject({ kind: 'adam', lr: 2e-4, beta1: 0.5, beta2: 0.9 });
    expect(gan.config.regularizers.map((r) => r.kind)).toEqual([
      'gradient-penalty',
      'condition-cross-entropy',
      'weight-decay',
      'weight-decay',
    ]);
    gan.dispose();
  });

  it('a bad option is a ConfigError naming its config path', async () => {
    const cases: [Partial<GanConfig>, string][] = [
      [{ generator: { kind: 'ctgan', tau: -1 } }, 'generator.tau'],
      [{ discriminator: { kind: 'ctgan', packing: 0 } }, 'discriminator.packing'],
      [
        {
          data: {
            kind: 'training-by-sampling',
            inner: { kind: 'table', path: csv },
            logFrequency: 'yes',
          } as never,
        },
        'data.logFrequency',
      ],
      [{ regularizers: [{ kind: 'weight-decay', lambda: 1e-6 } as never] }, 'regularizers[0].target'],
    ];
    for (const [patch, path] of cases) {
      const error = await rejection(createGan(config(patch), { plugins }));
      expect(
        error.issues.map((i) => i.path),
        path,
      ).toContain(path);
    }
  });

  it('a batch size that is not a multiple of the packing is a ConfigError at batchSize', async () => {
    const error = await rejection(createGan(config({ batchSize: 30 }), { plugins }));
    expect(error.issues.map((i) => i.path)).toEqual(['batchSize']);
    expect(error.message).toContain('use batchSize 28 or 32');
  });

  it('data that is not a table is a ConfigError at data.inner.kind or generator.kind', async () => {
    const inner = await rejection(
      createGan(config({ data: { kind: 'training-by-sampling', inner: { kind: 'ring' } } }), { plugins }),
    );
    expect(inner.issues.map((i) => i.path)).toEqual(['data.inner.kind']);
    expect(inner.message).toContain('"ring" is not a table source (use kind: table)');
    const preset = await rejection(createGan(config({ data: { kind: 'ring' } }), { plugins }));
    expect(preset.issues.map((i) => i.path)).toEqual(['data.inner.kind']);
    const generator = await rejection(
      createGan(config({ preset: undefined, loss: { kind: 'wasserstein' }, data: { kind: 'ring' } }), {
        plugins,
      }),
    );
    expect(generator.issues.map((i) => i.path)).toEqual(['generator.kind']);
    expect(generator.message).toContain("the ctgan generator emits a table's encoded rows");
  });

  it('a ctgan generator built without the run’s data (loaded alone) is a ConfigError saying what to do', () => {
    const ctx = { rng: new Rng(1, 'init'), latentDim: 8, sampleShape: [9], build: () => undefined };
    const generator = byName('generator', 'ctgan');
    const options = generator.options.parse({});
    expect(() => generator.create(options, ctx as never)).toThrow(ConfigError);
    expect(() => generator.create(options, ctx as never)).toThrow(
      'a ctgan generator is not loaded alone: rebuild the run (createGan + loadCheckpoint)',
    );
  });

  it('types the config blocks by declaration merging', () => {
    const ok: GanConfig['generator'] = { kind: 'ctgan', hidden: [64], tau: 0.5 };
    const wrong: GanConfig['discriminator'] = {
      kind: 'ctgan',
      // @ts-expect-error packing is a number
      packing: '10',
    };
    expect([ok.kind, wrong.kind]).toEqual(['ctgan', 'ctgan']);
  });
});
