import type { AnyComponentDefinition, DependencyContainer } from '@ganforge/core';
import { describe, expect, it } from 'vitest';
import { dataPlugin as browserDataPlugin } from '../plugin.js';
import { dataPlugin } from './node-plugin.js';

function registered(plugin: ReturnType<typeof dataPlugin>): string[] {
  const out: AnyComponentDefinition[] = [];
  plugin.register({
    register: (_token: unknown, provider: { useValue: AnyComponentDefinition }) =>
      out.push(provider.useValue),
  } as unknown as DependencyContainer);
  expect(out.every((d) => d.kind === 'data')).toBe(true);
  return out.map((d) => d.name).sort();
}

describe('dataPlugin (node entry)', () => {
  it('registers all ten data components of DESIGN.md under the browser plugin’s name', () => {
    expect(registered(dataPlugin())).toEqual([
      'csv',
      'grid',
      'idx',
      'image-folder',
      'mixture-1d',
      'mnist',
      'ring',
      'spiral',
      'table',
      'windows',
    ]);
    expect(dataPlugin().name).toBe(browserDataPlugin().name);
    expect(dataPlugin().version).toBe(browserDataPlugin().version);
  });
});
