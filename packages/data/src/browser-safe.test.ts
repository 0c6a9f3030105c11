import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const NODE_ONLY = /^(node:|fs$|path$|zlib$|module$|pngjs|csv-parse|mnist$)/;

/** Every bare import reachable from `entry` through relative imports, by importing file. */
function importGraph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s*'([^']+)'|import\s*'([^']+)'/g)].map(
      (m) => m[1] ?? m[2],
    );
    seen.set(
      file,
      specifiers.filter((s) => !s.startsWith('.')),
    );
    for (const s of specifiers.filter((x) => x.startsWith('.')))
      visit(join(dirname(file), s.replace(/\.js$/, '.ts')));
  };
  visit(entry);
  return seen;
}

describe('the main entry is browser-safe', () => {
  it('imports nothing Node-only (fs, zlib, pngjs, csv-parse, mnist) from src/index.ts', () => {
    const graph = importGraph(fileURLToPath(new URL('./index.ts', import.meta.url)));
    const offenders = [...graph].flatMap(([file, bare]) =>
      bare.filter((s) => NODE_ONLY.test(s)).map((s) => `${file}: ${s}`),
    );
    expect(offenders).toEqual([]);
    expect(graph.size).toBeGreaterThan(10);
    // and the node entry does reach them (the check can fail)
    const node = importGraph(fileURLToPath(new URL('./node.ts', import.meta.url)));
    expect([...node.values()].flat().filter((s) => NODE_ONLY.test(s)).length).toBeGreaterThan(3);
  });
});
