import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  createGan,
  GAN_COMPONENT,
  type AnyComponentDefinition,
  type DependencyContainer,
  type GanConfig,
} from '@ganforge/core';
import { testingPlugin } from '@ganforge/core/testing';
import { minibatchPlugin } from './plugin.js';
import { MINIBATCH_VERSION } from './version.js';

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
  minibatchPlugin().register(container);
  return defs;
}

const config = (discriminator: GanConfig['discriminator']): GanConfig => ({
  seed: 1,
  backend: 'cpu',
  data: { kind: 'testing-mixture-1d', means: [-1, 1], std: 0.1 },
  generator: { kind: 'tiny-mlp', hidden: [8] },
  discriminator,
  loss: { kind: 'testing-non-saturating' },
  latentDim: 2,
  batchSize: 8,
});

describe('minibatchPlugin', () => {
  it('registers the two discriminator wrappers, with the package version', () => {
    const plugin = minibatchPlugin();
    expect(plugin.name).toBe('@ganforge/plugin-minibatch');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(plugin.version).toBe(pkg.version);
    expect(MINIBATCH_VERSION).toBe(pkg.version);
    expect(registered().map((d) => `${d.kind}:${d.name}`)).toEqual([
      'discriminator:minibatch-discrimination',
      'discriminator:minibatch-stddev',
    ]);
  });

  it("validates options strictly, with the papers' defaults", () => {
    const [mbd, stddev] = registered();
    expect(mbd.options.parse({ body: { kind: 'mlp' } })).toEqual({
      body: { kind: 'mlp' },
      B: 100,
      C: 5,
      excludeSelf: true,
      average: true,
      initStd: 0.05,
    });
    expect(stddev.options.parse({ body: { kind: 'mlp', hidden: [4] } })).toEqual({
      body: { kind: 'mlp', hidden: [4] },
      epsilon: 1e-8,
    });
    expect(mbd.options.safeParse({ body: { kind: 'mlp' }, b: 3 }).success).toBe(false);
    expect(mbd.options.safeParse({ body: { kind: 'mlp' }, B: 0 }).success).toBe(false);
    expect(mbd.options.safeParse({ B: 3 }).success).toBe(false);
    expect(stddev.options.safeParse({ body: { kind: 'mlp' }, epsilon: 0 }).success).toBe(false);
  });

  it('builds the wrappers from a config; a bad option or an unknown body is a ConfigError naming its path', async () => {
    const plugins = [minibatchPlugin(), testingPlugin()];
    const gan = await createGan(
      config({ kind: 'minibatch-discrimination', body: { kind: 'tiny-mlp', hidden: [6] }, B: 4, C: 3 }),
      { plugins },
    );
    expect(Object.keys(gan.discriminator.params).sort()).toEqual([
      'body/layers/0/bias',
      'body/layers/0/kernel',
      'head/bias',
      'head/kernel',
      'minibatch/T',
    ]);
    expect(gan.discriminator.params['minibatch/T'].shape).toEqual([6, 4, 3]);
    gan.dispose();
    const bad = createGan(config({ kind: 'minibatch-discrimination', body: { kind: 'tiny-mlp' }, B: -1 }), {
      plugins,
    });
    await expect(bad).rejects.toThrow(ConfigError);
    await expect(bad).rejects.toThrow(/discriminator\.B/);
    const unknown = createGan(config({ kind: 'minibatch-stddev', body: { kind: 'no-such-net' } }), {
      plugins,
    });
    await expect(unknown).rejects.toThrow(ConfigError);
    await expect(unknown).rejects.toThrow(/no-such-net/);
  });

  it('types the config blocks by declaration merging', () => {
    const ok: GanConfig['discriminator'] = {
      kind: 'minibatch-discrimination',
      body: { kind: 'tiny-mlp' },
      B: 16,
      C: 5,
      excludeSelf: true,
    };
    const also: GanConfig['discriminator'] = {
      kind: 'minibatch-stddev',
      body: { kind: 'tiny-mlp' },
      epsilon: 1e-8,
    };
    const wrong: GanConfig['discriminator'] = {
      kind: 'minibatch-discrimination',
      body: { kind: 'tiny-mlp' },
      // @ts-expect-error B is a number
      B: '16',
    };
    expect([ok.kind, also.kind, wrong.kind]).toEqual([
      'minibatch-discrimination',
      'minibatch-stddev',
      'minibatch-discrimination',
    ]);
  });
});
