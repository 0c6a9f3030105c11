import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess, REPO } from './test-helpers.js';

interface Listing {
  plugins: {
    name: string;
    version?: string;
    components: { kind: string; name: string; description: string; options: Record<string, unknown> }[];
  }[];
  notInstalled: string[];
}

describe('ganforge plugins (subprocess, from source)', () => {
  it('--json lists core and the standard plugins with their components and JSON-schema options', async () => {
    const r = await runCliProcess('plugins', '--json');
    expect(r.code).toBe(0);
    const listing = JSON.parse(r.stdout) as Listing;
    const names = listing.plugins.map((p) => p.name);
    expect(names.slice(0, 5)).toEqual([
      '@ganforge/core',
      '@ganforge/losses',
      '@ganforge/models',
      '@ganforge/data',
      '@ganforge/metrics',
    ]);
    const core = listing.plugins[0].components.map((c) => `${c.kind} ${c.name}`);
    expect(core).toContain('trainer default');
    const ring = listing.plugins
      .find((p) => p.name === '@ganforge/data')!
      .components.find((c) => c.name === 'ring')!;
    expect(ring.kind).toBe('data');
    expect(ring.options).toMatchObject({
      type: 'object',
      properties: { sigma: { type: 'number', default: 0.01 }, modes: { type: 'integer', default: 8 } },
    });
    const ns = listing.plugins
      .find((p) => p.name === '@ganforge/losses')!
      .components.find((c) => c.name === 'non-saturating')!;
    expect(ns.description).toMatch(/Goodfellow/);
  });

  it('lists a local third-party plugin given as an argument, with its option types and defaults', async () => {
    const file = join(REPO, 'packages/cli/src/fixtures/scaled-loss-plugin.mjs');
    const r = await runCliProcess('plugins', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'scaled-loss 0.1.0\n  hook no-op: Does nothing.\n      factor: number = 2  a factor\n',
    );
    expect(r.stdout).toMatch(/@ganforge\/data 1\.\d+\.\d+\n {2}data ring: .*\n {6}modes: integer = 8 /);
  });
});
