import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_PLUGIN, PUBLISHED_PACKAGES, pack, repoRoot } from './tarballs.js';

// What `npm pack` would publish: dist, README.md, LICENSE and package.json, nothing else (no
// sources, tests, tsconfigs or fixtures), and manifests whose entry points all lie in dist/.

interface Manifest {
  name: string;
  license?: string;
  type?: string;
  main?: string;
  types?: string;
  files?: string[];
  exports?: Record<string, string | Record<string, string>>;
  sideEffects?: boolean | string[];
  peerDependencies?: Record<string, string>;
}

const packages = [...Object.entries(PUBLISHED_PACKAGES), [EXAMPLE_PLUGIN.name, EXAMPLE_PLUGIN.dir]] as const;
const manifest = (dir: string) =>
  JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')) as Manifest;

describe('npm pack contents', () => {
  it.each(packages)(
    '%s: only dist/, README.md, LICENSE and package.json',
    async (name) => {
      const result = await pack(name);
      const paths = result.files.map((f) => f.path);
      expect(paths.filter((p) => !/^(dist\/.+|README\.md|LICENSE|package\.json)$/.test(p))).toEqual([]);
      expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE']));
      expect(
        paths.filter((p) => /\.test\.|\.test-d\.|test-helpers|test-utils|fixtures\/|tsbuildinfo/.test(p)),
      ).toEqual([]);
    },
    60_000,
  );
});

describe('package manifests', () => {
  it.each(packages)('%s: ESM, MIT, files field, and every entry point in dist/ with types', (_, dir) => {
    const m = manifest(dir);
    expect(m.type).toBe('module');
    expect(m.license).toBe('MIT');
    expect(m.files).toEqual(['dist', 'README.md', 'LICENSE']);
    expect(m.main).toMatch(/^\.\/dist\/.+\.js$/);
    expect(m.types).toMatch(/^\.\/dist\/.+\.d\.ts$/);
    expect(m.sideEffects).toBeDefined();
    expect(Object.keys(m.exports ?? {})).toContain('.');
    for (const [sub, target] of Object.entries(m.exports ?? {})) {
      if (sub === './package.json') continue;
      expect(typeof target, sub).toBe('object');
      const conditions = target as Record<string, string>;
      expect(conditions.types, sub).toMatch(/^\.\/dist\/.+\.d\.ts$/);
      expect(conditions.default, sub).toMatch(/^\.\/dist\/.+\.js$/);
      // `types` must come before `default`: conditions are matched in order.
      const keys = Object.keys(conditions);
      expect(keys.indexOf('types'), sub).toBeLessThan(keys.indexOf('default'));
    }
  });

  it.each(packages.filter(([name]) => name !== '@ganforge/core' && name !== '@ganforge/cli'))(
    '%s: core and tfjs are peers (the user shares one copy), never dependencies',
    (_, dir) => {
      const m = manifest(dir) as Manifest & { dependencies?: Record<string, string> };
      expect(m.peerDependencies?.['@ganforge/core']).toMatch(/^\^1\./);
      expect(m.peerDependencies?.['@tensorflow/tfjs']).toBeDefined();
      expect(m.dependencies?.['@ganforge/core']).toBeUndefined();
      expect(m.dependencies?.['@tensorflow/tfjs']).toBeUndefined();
    },
  );
});

describe('@ganforge/backend-native pack contents', () => {
  // dist/ itself is checked by the manifest tests (entry points) and exists only after a build.
  it('ships dist/ and what its install script compiles (native sources, binding.gyp, the build script), no binary', async () => {
    const result = await pack('packages/backend-native');
    const paths = result.files.map((f) => f.path).sort();
    const sources = JSON.parse(readFileSync(join(repoRoot, 'packages/backend-native/binding.gyp'), 'utf8'))
      .targets[0].sources as string[];
    const headers = readdirSync(join(repoRoot, 'packages/backend-native/native')).filter((f) =>
      f.endsWith('.h'),
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'binding.gyp',
        'scripts/build-native.mjs',
        ...sources,
        ...headers.map((h) => `native/${h}`),
      ]),
    );
    expect(
      paths.filter(
        (p) =>
          !/^(dist\/.+|native\/[^/]+\.[ch]|binding\.gyp|scripts\/build-native\.mjs|README\.md|LICENSE|package\.json)$/.test(
            p,
          ),
      ),
    ).toEqual([]);
    expect(paths.filter((p) => /\.test\.|test-helpers|\.node$|^build\//.test(p))).toEqual([]);
  }, 60_000);
});
