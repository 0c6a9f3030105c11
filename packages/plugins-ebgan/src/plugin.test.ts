import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  GAN_COMPONENT,
  Rng,
  type AnyComponentDefinition,
  type BuildContext,
  type DependencyContainer,
  type GanConfig,
} from '@ganforge/core';
import { ebganPlugin } from './plugin.js';
import { EBGAN_VERSION } from './version.js';

function registered(): AnyComponentDefinition[] {
  const defs: AnyComponentDefinition[] = [];
  const container = {
    register: (token: unknown, provider: { useValue: AnyComponentDefinition }) => {
      expect(token).toBe(GAN_COMPONENT);
      defs.push(provider.useValue);
    },
  } as unknown as DependencyContainer;
  ebganPlugin().register(container);
  return defs;
}

describe('ebganPlugin', () => {
  it('registers discriminator ebgan, loss ebgan and regularizer pulling-away, with the package version', () => {
    const plugin = ebganPlugin();
    expect(plugin.name).toBe('@ganforge/plugin-ebgan');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(plugin.version).toBe(pkg.version);
    expect(EBGAN_VERSION).toBe(pkg.version);
    expect(
      registered()
        .map((d) => `${d.kind}:${d.name}`)
        .sort(),
    ).toEqual(['discriminator:ebgan', 'loss:ebgan', 'regularizer:pulling-away']);
  });

  it('creates each component from its defaults', () => {
    const ctx = { rng: new Rng(1), latentDim: 2, sampleShape: [2] } as unknown as BuildContext;
    const byKind = Object.fromEntries(registered().map((d) => [d.kind, d]));
    expect((byKind.loss.create(byKind.loss.options.parse({}), ctx) as { name: string }).name).toBe('ebgan');
    expect(byKind.regularizer.create(byKind.regularizer.options.parse({}), ctx)).toMatchObject({
      name: 'pulling-away',
      target: 'generator',
      weight: 0.1,
    });
    const d = byKind.discriminator.create(
      byKind.discriminator.options.parse({ hidden: [4], codeDim: 2 }),
      ctx,
    ) as {
      inputShape: number[];
      params: Record<string, unknown>;
      dispose(): void;
    };
    expect(d.inputShape).toEqual([2]);
    expect(Object.keys(d.params)).toHaveLength(8);
    d.dispose();
  });
});

describe('config types (declaration merging, checked by tsc)', () => {
  it('type-checks ebgan blocks once @ganforge/plugin-ebgan is imported', () => {
    const d: GanConfig['discriminator'] = { kind: 'ebgan', body: 'conv', width: 16, codeDim: 32 };
    // @ts-expect-error body is 'mlp' | 'conv'
    const badD: GanConfig['discriminator'] = { kind: 'ebgan', body: 'resnet' };
    const loss: NonNullable<GanConfig['loss']> = { kind: 'ebgan', margin: 0.5 };
    // @ts-expect-error margin is a number
    const badLoss: NonNullable<GanConfig['loss']> = { kind: 'ebgan', margin: 'wide' };
    const reg: NonNullable<GanConfig['regularizers']>[number] = { kind: 'pulling-away', weight: 0.1 };
    // @ts-expect-error pulling-away has no option `lambda`
    const badReg: NonNullable<GanConfig['regularizers']>[number] = { kind: 'pulling-away', lambda: 0.1 };
    expect([d, badD, loss, badLoss, reg, badReg].map((b) => b.kind)).toEqual([
      'ebgan',
      'ebgan',
      'ebgan',
      'ebgan',
      'pulling-away',
      'pulling-away',
    ]);
  });
});
