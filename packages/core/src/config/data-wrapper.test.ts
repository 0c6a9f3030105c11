import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { defineComponent, type PresetConfig } from '../registry/component.js';
import { fixtureComponent, fixtureRegistry } from '../registry/fixtures/test-components.js';
import { resolveConfig } from './resolve-config.js';

// A preset's `dataWrapper` (CTGAN's training-by-sampling around the user's table) follows the
// rules of its `discriminatorWrapper` (wrap-discriminator.test.ts).

function registryWith(preset: PresetConfig) {
  return fixtureRegistry({}, [
    fixtureComponent(
      'data',
      'by-condition',
      z.strictObject({ inner: z.looseObject({ kind: z.string() }), logFrequency: z.boolean().default(true) }),
    ),
    defineComponent({
      kind: 'preset',
      name: 'tbs',
      description: 'fixture preset that wraps the data',
      options: z.strictObject({}),
      create: () => preset,
    }),
  ]);
}

const tbs: PresetConfig = { dataWrapper: { kind: 'by-condition' } };
const base = (data: unknown = { kind: 'ring', modes: 4 }) => ({
  data,
  generator: { kind: 'mlp' },
  discriminator: { kind: 'mlp' },
  preset: 'tbs',
});

function captureConfigError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new ConfigError('expected a ConfigError');
}

describe('resolveConfig: a preset that wraps the data', () => {
  it("wraps the user's data block (with its defaults) and records the preset as its source", () => {
    const resolved = resolveConfig(base(), registryWith(tbs));
    expect(resolved.data).toEqual({
      kind: 'by-condition',
      logFrequency: true,
      inner: { kind: 'ring', modes: 4, radius: 2 },
    });
    expect(resolved.sources.data).toBe('preset:tbs');
  });

  it('does not wrap twice, and leaves the data alone without such a preset', () => {
    const once = resolveConfig(base(), registryWith(tbs));
    const twice = resolveConfig(base(once.data), registryWith(tbs));
    expect(twice.data).toEqual(once.data);
    expect(twice.sources.data).toBe('user');
    const plain = resolveConfig({ ...base(), preset: undefined }, registryWith(tbs));
    expect(plain.data).toEqual({ kind: 'ring', modes: 4, radius: 2 });
    expect(plain.sources.data).toBe('user');
  });

  it("reports an error in the user's block at the user's path; a wrapper with inner is refused", () => {
    const bad = captureConfigError(() =>
      resolveConfig(base({ kind: 'ring', modes: 'x' }), registryWith(tbs)),
    );
    expect(bad.issues.map((i) => i.path)).toEqual(['data.modes']);
    const inner = captureConfigError(() =>
      resolveConfig(base(), registryWith({ dataWrapper: { kind: 'by-condition', inner: { kind: 'ring' } } })),
    );
    expect(inner.issues[0].path).toBe('preset');
    expect(inner.message).toContain('dataWrapper.inner');
  });
});
