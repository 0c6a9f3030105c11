import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Every bare import reachable from `entry` through relative imports. */
function bareImports(entry: string): string[] {
  const seen = new Set<string>();
  const bare: string[] = [];
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s*'([^']+)'|import\s*'([^']+)'/g)) {
      const s = m[1] ?? m[2];
      if (s.startsWith('.')) visit(join(dirname(file), s.replace(/\.js$/, '.ts')));
      else bare.push(s);
    }
  };
  visit(entry);
  return bare;
}

describe('@ganforge/metrics is browser-safe', () => {
  it('has no static Node-only import in its import graph (the weights loader imports node:fs dynamically, for file: URLs only)', () => {
    const bare = [...new Set(bareImports(fileURLToPath(new URL('./index.ts', import.meta.url))))].sort();
    expect(bare).toEqual(['@ganforge/core', '@tensorflow/tfjs', 'zod']);
  });
});
