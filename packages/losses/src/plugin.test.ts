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
import { lossesPlugin } from './plugin.js';
import { LOSSES_VERSION } from './version.js';

function registered(): AnyComponentDefinition[] {
  const defs: AnyComponentDefinition[] = [];
  const container = {
    register: (token: unknown, provider: { useValue: AnyComponentDefinition }) => {
      expect(token).toBe(GAN_COMPONENT);
      defs.push(provider.useValue);
    },
  } as unknown as DependencyContainer;
  lossesPlugin().register(container);
  return defs;
}

const ctx = { rng: new Rng(1), latentDim: 2, sampleShape: [2] } as unknown as BuildContext;

describe('lossesPlugin', () => {
  it('registers the five losses and the r1 and lecam regularizers, with the package version', () => {
    const plugin = lossesPlugin();
    expect(plugin.name).toBe('@ganforge/losses');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(plugin.version).toBe(pkg.version);
    expect(LOSSES_VERSION).toBe(pkg.version);
    expect(
      registered()
        .map((d) => `${d.kind}:${d.name}`)
        .sort(),
    ).toEqual([
      'loss:hinge',
      'loss:least-squares',
      'loss:minimax',
      'loss:non-saturating',
      'loss:wasserstein',
      'regularizer:lecam',
      'regularizer:r1',
    ]);
  });

  it('validates options strictly, with documented defaults, and creates named components', () => {
    const byName = Object.fromEntries(registered().map((d) => [d.name, d]));
    expect(byName['non-saturating'].options.parse({})).toEqual({
      realLabelSmoothing: 0,
      fakeLabelSmoothing: 0,
    });
    expect(byName['non-saturating'].options.safeParse({ labelSmoothing: 0.1 }).success).toBe(false);
    expect(byName['non-saturating'].options.safeParse({ realLabelSmoothing: 0.6 }).success).toBe(false);
    expect(byName['least-squares'].options.parse({})).toEqual({ a: 0, b: 1, c: 1 });
    expect(byName['least-squares'].options.safeParse({ a: 1, b: 1 }).success).toBe(false);
    expect(byName.hinge.options.safeParse({ margin: 1 }).success).toBe(false);
    expect(byName.r1.options.parse({})).toEqual({ gamma: 10 });
    expect(byName.r1.options.safeParse({ gamma: -1 }).success).toBe(false);
    expect(byName.lecam.options.parse({})).toEqual({ lambda: 0.3, decay: 0.99, oneSided: true });
    expect(byName.lecam.options.safeParse({ decay: 1 }).success).toBe(false);
    expect(byName.wasserstein.defaults).toEqual({ dSteps: 5 });
    for (const def of registered()) {
      const instance = def.create(def.options.parse({}), ctx) as { name: string; dispose?: () => void };
      expect(instance.name).toBe(def.name);
      instance.dispose?.();
    }
    const r1 = byName.r1.create({ gamma: 2 }, ctx) as { weight: number; target: string };
    expect(r1).toMatchObject({ weight: 1, target: 'discriminator' });
  });
});

describe('config types (declaration merging, checked by tsc)', () => {
  it('type-checks loss and regularizer blocks once @ganforge/losses is imported', () => {
    const loss: NonNullable<GanConfig['loss']> = { kind: 'non-saturating', realLabelSmoothing: 0.1 };
    // @ts-expect-error realLabelSmoothing is a number
    const bad: NonNullable<GanConfig['loss']> = { kind: 'minimax', realLabelSmoothing: 'high' };
    const reg: NonNullable<GanConfig['regularizers']>[number] = { kind: 'r1', gamma: 1 };
    // @ts-expect-error r1 has no option `lambda`
    const badReg: NonNullable<GanConfig['regularizers']>[number] = { kind: 'r1', lambda: 1 };
    expect([loss.kind, bad.kind, reg.kind, badReg.kind]).toEqual(['non-saturating', 'minimax', 'r1', 'r1']);
  });
});
