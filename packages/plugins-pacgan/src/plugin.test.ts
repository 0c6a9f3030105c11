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
import { pacganPlugin } from './plugin.js';
import { PACGAN_VERSION } from './version.js';

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
  pacganPlugin().register(container);
  return defs;
}

const config = (discriminator: GanConfig['discriminator'], batchSize = 8): GanConfig => ({
  seed: 1,
  backend: 'cpu',
  data: { kind: 'testing-mixture-1d', means: [-1, 1], std: 0.1 },
  generator: { kind: 'tiny-mlp', hidden: [8] },
  discriminator,
  loss: { kind: 'testing-non-saturating' },
  latentDim: 2,
  batchSize,
});

async function rejection(p: Promise<unknown>): Promise<ConfigError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new ConfigError('expected a ConfigError');
}

describe('pacganPlugin', () => {
  it('registers the discriminator wrapper pacgan, with the package version', () => {
    const plugin = pacganPlugin();
    expect(plugin.name).toBe('@ganforge/plugin-pacgan');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(plugin.version).toBe(pkg.version);
    expect(PACGAN_VERSION).toBe(pkg.version);
    expect(registered().map((d) => `${d.kind}:${d.name}`)).toEqual(['discriminator:pacgan']);
  });

  it('validates options strictly: packing an integer ≥ 2, default 4; a body block is required', () => {
    const [pacgan] = registered();
    expect(pacgan.options.parse({ body: { kind: 'mlp' } })).toEqual({ body: { kind: 'mlp' }, packing: 4 });
    expect(pacgan.options.parse({ body: { kind: 'mlp', hidden: [4] }, packing: 2 })).toEqual({
      body: { kind: 'mlp', hidden: [4] },
      packing: 2,
    });
    for (const packing of [1, 0, 2.5, -4])
      expect(pacgan.options.safeParse({ body: { kind: 'mlp' }, packing }).success, String(packing)).toBe(
        false,
      );
    expect(pacgan.options.safeParse({ packing: 2 }).success).toBe(false);
    expect(pacgan.options.safeParse({ body: { kind: 'mlp' }, m: 2 }).success).toBe(false);
  });

  it('builds the body for m·d inputs from a config: params under body/', async () => {
    const gan = await createGan(
      config({ kind: 'pacgan', packing: 4, body: { kind: 'tiny-mlp', hidden: [6] } }),
      {
        plugins: [pacganPlugin(), testingPlugin()],
      },
    );
    const d = gan.discriminator;
    expect(d.inputShape).toEqual([1]);
    expect(Object.keys(d.params).sort()).toEqual([
      'body/layers/0/bias',
      'body/layers/0/kernel',
      'body/layers/1/bias',
      'body/layers/1/kernel',
    ]);
    expect(d.params['body/layers/0/kernel'].shape).toEqual([4, 6]);
    gan.dispose();
  });

  it('a batch size that is not a multiple of m is a ConfigError at batchSize, raised when the GAN is built', async () => {
    const error = await rejection(
      createGan(config({ kind: 'pacgan', packing: 4, body: { kind: 'tiny-mlp' } }, 10), {
        plugins: [pacganPlugin(), testingPlugin()],
      }),
    );
    expect(error.issues.map((i) => i.path)).toEqual(['batchSize']);
    expect(error.message).toMatch(/^batchSize 10 is not a multiple of discriminator\.packing = 4/);
    expect(error.message).toContain('use batchSize 8 or 12');
  });

  it('a bad option or an unknown body is a ConfigError naming its path; a conditional body is refused', async () => {
    const plugins = [pacganPlugin(), testingPlugin()];
    const bad = await rejection(
      createGan(config({ kind: 'pacgan', packing: 1, body: { kind: 'tiny-mlp' } }), { plugins }),
    );
    expect(bad.message).toMatch(/discriminator\.packing/);
    const unknown = await rejection(
      createGan(config({ kind: 'pacgan', body: { kind: 'no-such-net' } }), { plugins }),
    );
    expect(unknown.message).toMatch(/no-such-net/);
    const conditional = await rejection(
      createGan(config({ kind: 'pacgan', body: { kind: 'conditional', inner: { kind: 'tiny-mlp' } } }), {
        plugins,
      }),
    );
    expect(conditional.issues.map((i) => i.path)).toEqual(['discriminator.body.kind']);
    expect(conditional.message).toContain('put the conditional wrapper outside pacgan');
  });

  it('types the config block by declaration merging', () => {
    const ok: GanConfig['discriminator'] = { kind: 'pacgan', packing: 2, body: { kind: 'tiny-mlp' } };
    const wrong: GanConfig['discriminator'] = {
      kind: 'pacgan',
      body: { kind: 'tiny-mlp' },
      // @ts-expect-error packing is a number
      packing: '4',
    };
    expect([ok.kind, wrong.kind]).toEqual(['pacgan', 'pacgan']);
  });
});
