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
import { augmentPlugin } from './plugin.js';
import { AUGMENT_VERSION } from './version.js';

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
  augmentPlugin().register(container);
  return defs;
}

const config = (extra: Partial<GanConfig>, sampleShape = [4, 4, 1]): GanConfig => ({
  seed: 1,
  backend: 'cpu',
  data: { kind: 'testing-table', values: Array.from({ length: 64 }, (_, i) => (i % 5) / 5), sampleShape },
  generator: { kind: 'tiny-mlp', hidden: [8] },
  discriminator: { kind: 'tiny-mlp', hidden: [8] },
  loss: { kind: 'testing-non-saturating' },
  latentDim: 2,
  batchSize: 4,
  ...extra,
});

async function rejection(p: Promise<unknown>): Promise<ConfigError> {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(ConfigError);
  return e as ConfigError;
}

const plugins = [augmentPlugin(), testingPlugin()];

describe('augmentPlugin', () => {
  it('registers diff-augment, ada and the regularizer bcr, with the package version', () => {
    const plugin = augmentPlugin();
    expect(plugin.name).toBe('@ganforge/plugin-augment');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(plugin.version).toBe(pkg.version);
    expect(AUGMENT_VERSION).toBe(pkg.version);
    expect(registered().map((d) => `${d.kind}:${d.name}`)).toEqual([
      'augment:diff-augment',
      'augment:ada',
      'regularizer:bcr',
    ]);
  });

  it('fills the papers’ defaults and validates strictly', () => {
    const [diff, ada, bcr] = registered();
    expect(diff.options.parse({})).toEqual({
      policy: ['color', 'translation', 'cutout'],
      translationRatio: 0.125,
      cutoutRatio: 0.5,
    });
    expect(ada.options.parse({})).toMatchObject({
      target: 0.6,
      rampImages: 500_000,
      interval: 4,
      initialP: 0,
    });
    expect(bcr.options.parse({})).toMatchObject({
      lambdaReal: 10,
      lambdaFake: 10,
      policy: ['flip', 'translation'],
    });
    for (const bad of [
      { policy: [] },
      { policy: ['color', 'color'] },
      { policy: ['rotate'] },
      { cutoutRatio: 1.5 },
      { p: 1 },
    ])
      expect(diff.options.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    for (const bad of [{ target: 1 }, { interval: 0 }, { initialP: -0.1 }, { rampImages: 0 }])
      expect(ada.options.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(bcr.options.safeParse({ lambdaReal: -1 }).success).toBe(false);
  });

  it('a bad option is a ConfigError naming the field path', async () => {
    const e = await rejection(createGan(config({ augment: { kind: 'ada', target: 2 } }), { plugins }));
    expect(e.issues.map((i) => i.path)).toEqual(['augment.target']);
    const r = await rejection(
      createGan(config({ regularizers: [{ kind: 'bcr', policy: ['color', 'rotate'] as never }] }), {
        plugins,
      }),
    );
    expect(r.issues[0].path).toBe('regularizers[0].policy[1]');
  });

  it('refuses data that is not images, saying which shape it got and which it needs', async () => {
    for (const block of [
      { augment: { kind: 'diff-augment' as const } },
      { regularizers: [{ kind: 'bcr' as const }] },
    ]) {
      const e = await rejection(createGan(config(block, [16]), { plugins }));
      expect(e.message).toContain(
        "samples of shape [H, W, C] (batches [N, H, W, C]), but the data's samples have shape [16]",
      );
    }
  });

  it('sizes ADA’s step of p from the batch: batch · interval / rampImages', async () => {
    const gan = await createGan(
      config({ augment: { kind: 'ada', interval: 2, rampImages: 80, initialP: 0.5 } }),
      {
        plugins,
      },
    );
    const augment = (gan.trainer as unknown as { parts: { augment: { schedule: { stepSize: number } } } })
      .parts.augment;
    expect(augment.schedule.stepSize).toBe(0.1);
    gan.dispose();
  });

  it('types the config blocks by declaration merging', () => {
    const ok: GanConfig['augment'] = { kind: 'ada', target: 0.6, policy: ['color', 'cutout'] };
    const wrong: GanConfig['augment'] = {
      kind: 'diff-augment',
      // @ts-expect-error translationRatio is a number
      translationRatio: '0.125',
    };
    const reg: NonNullable<GanConfig['regularizers']>[number] = { kind: 'bcr', lambdaReal: 5 };
    expect([ok?.kind, wrong?.kind, reg.kind]).toEqual(['ada', 'diff-augment', 'bcr']);
  });
});
