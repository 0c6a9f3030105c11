import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Follows relative imports from `file` and returns every module reached. */
function importGraph(file: URL, seen = new Map<string, string>()): Map<string, string> {
  if (seen.has(file.href)) return seen;
  const text = readFileSync(file, 'utf8');
  seen.set(file.href, text);
  for (const m of text.matchAll(/from '(\.[^']+)\.js'/g)) importGraph(new URL(`${m[1]}.ts`, file), seen);
  return seen;
}

describe('checkpoint/index.ts', () => {
  it('reaches no Node-only module (it must bundle for the browser)', () => {
    const graph = importGraph(new URL('./index.ts', import.meta.url));
    expect(graph.size).toBeGreaterThan(3);
    for (const [href, text] of graph) {
      expect({ href, nodeImports: text.match(/from 'node:[^']+'/g) ?? [] }).toEqual({
        href,
        nodeImports: [],
      });
    }
  });
});
