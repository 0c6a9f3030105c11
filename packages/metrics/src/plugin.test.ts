import type { AnyComponentDefinition, DependencyContainer } from '@ganforge/core';
import { describe, expect, it } from 'vitest';
import { metricsPlugin, METRICS_VERSION } from './index.js';
import pkg from '../package.json' with { type: 'json' };

function registered(plugin: ReturnType<typeof metricsPlugin>): AnyComponentDefinition[] {
  const out: AnyComponentDefinition[] = [];
  plugin.register({
    register: (_token: unknown, provider: { useValue: AnyComponentDefinition }) =>
      out.push(provider.useValue),
  } as unknown as DependencyContainer);
  return out;
}

describe('metricsPlugin', () => {
  it('is named @ganforge/metrics at the package version and registers the metrics of DESIGN.md', () => {
    const plugin = metricsPlugin();
    expect(plugin.name).toBe('@ganforge/metrics');
    expect(METRICS_VERSION).toBe(pkg.version);
    const defs = registered(plugin);
    expect(defs.every((d) => d.kind === 'metric')).toBe(true);
    expect(defs.map((d) => d.name).sort()).toEqual([
      'c2st',
      'classifier-score',
      'density-coverage',
      'frechet-distance',
      'mmd',
      'mmd-multi-scale',
      'mode-coverage',
      'precision-recall',
    ]);
  });
});
