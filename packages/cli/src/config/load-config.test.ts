import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@ganforge/core';
import { describe, expect, it } from 'vitest';
import { applyOverrides, parseConfigText, readConfigFile, resolveConfigPaths } from './load-config.js';

describe('config files', () => {
  it('parses YAML and JSON', () => {
    expect(parseConfigText('seed: 3\ndata: { kind: ring }\n', 'a.yaml')).toMatchObject({
      seed: 3,
      data: { kind: 'ring' },
    });
    expect(parseConfigText('{"seed": 4}', 'a.json')).toEqual({ seed: 4 });
  });

  it('names the line of a YAML syntax error', () => {
    expect(() => parseConfigText('seed: 1\ndata: { kind: ring\n', 'bad.yaml')).toThrow(
      /bad\.yaml:\d+:\d+: not valid YAML/,
    );
  });

  it('rejects a document that is not an object', () => {
    expect(() => parseConfigText('- a\n- b\n', 'list.yaml')).toThrow(ConfigError);
    expect(() => parseConfigText('', 'empty.yaml')).toThrow(/found an empty document/);
  });

  it('resolves data files and local plugins against the config folder, not package names', () => {
    const c = resolveConfigPaths(
      {
        data: { kind: 'windows', path: 'series.csv', normalization: { file: '../stats.json' } },
        generator: { kind: 'mlp' },
        discriminator: { kind: 'mlp' },
        plugins: ['@ganforge/plugin-wgan', './my-plugin.js'],
      },
      '/work/configs',
    );
    expect(c.data).toMatchObject({
      path: '/work/configs/series.csv',
      normalization: { file: '/work/stats.json' },
    });
    expect(c.plugins).toEqual(['@ganforge/plugin-wgan', '/work/configs/my-plugin.js']);
  });

  it("resolves the files of a data wrapper's inner block too", () => {
    const c = resolveConfigPaths(
      {
        // A plugin's data wrapper (@ganforge/plugin-ctgan's, not imported here: the kind is untyped).
        data: { kind: 'training-by-sampling', inner: { kind: 'table', path: 'data/t.csv' } } as never,
        generator: { kind: 'mlp' },
        discriminator: { kind: 'mlp' },
      },
      '/work/configs',
    );
    expect(c.data).toEqual({
      kind: 'training-by-sampling',
      inner: { kind: 'table', path: '/work/configs/data/t.csv' },
    });
  });

  it('applies command-line overrides', () => {
    const c = applyOverrides(
      { data: { kind: 'ring' }, generator: { kind: 'mlp' }, discriminator: { kind: 'mlp' }, steps: 10 },
      { steps: 20, seed: 7 },
    );
    expect([c.steps, c.seed, c.backend]).toEqual([20, 7, undefined]);
  });

  it('reads a file and reports a missing one as a ConfigError', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ganforge-config-'));
    writeFileSync(join(dir, 'c.yaml'), 'data: { kind: csv, path: rows.csv }\n');
    expect(readConfigFile(join(dir, 'c.yaml'))).toMatchObject({
      baseDir: dir,
      config: { data: { path: join(dir, 'rows.csv') } },
    });
    expect(() => readConfigFile(join(dir, 'missing.yaml'))).toThrow(
      /cannot read config file .*missing\.yaml: ENOENT/,
    );
  });
});
