import type { AnyComponentDefinition, DependencyContainer, GanPlugin } from '@ganforge/core';
import { describe, expect, it } from 'vitest';
import { dataPlugin, DATA_VERSION } from './index.js';
import pkg from '../package.json' with { type: 'json' };

function registered(plugin: GanPlugin): AnyComponentDefinition[] {
  const out: AnyComponentDefinition[] = [];
  plugin.register({
    register: (_token: unknown, provider: { useValue: AnyComponentDefinition }) =>
      out.push(provider.useValue),
  } as unknown as DependencyContainer);
  return out;
}

describe('dataPlugin (browser entry)', () => {
  it('is named @ganforge/data at the package version and registers the in-memory sources', () => {
    const plugin = dataPlugin();
    expect(plugin.name).toBe('@ganforge/data');
    expect(DATA_VERSION).toBe(pkg.version);
    const defs = registered(plugin);
    expect(defs.every((d) => d.kind === 'data')).toBe(true);
    expect(defs.map((d) => d.name).sort()).toEqual(['grid', 'mixture-1d', 'ring', 'spiral']);
  });

  it('components parse their options strictly and build sources', () => {
    const ring = registered(dataPlugin()).find((d) => d.name === 'ring')!;
    expect(ring.options.safeParse({ modes: 8, radius: 1, sigma: 0.01 }).success).toBe(true);
    expect(ring.options.safeParse({ mode: 8 }).success).toBe(false);
    const source = ring.create(ring.options.parse({ modes: 6 }), {} as never) as {
      sampleShape: number[];
      modes: unknown[];
    };
    expect(source.sampleShape).toEqual([2]);
    expect(source.modes).toHaveLength(6);
  });
});
