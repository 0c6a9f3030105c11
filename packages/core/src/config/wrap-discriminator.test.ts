import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { defineComponent, type PresetConfig } from '../registry/component.js';
import { fixtureComponent, fixtureRegistry } from '../registry/fixtures/test-components.js';
import { resolveConfig } from './resolve-config.js';
import { containsComponentKind, wrapDiscriminator } from './wrap-discriminator.js';

const wrapperOptions = z.strictObject({
  inner: z.looseObject({ kind: z.string() }),
  powerIterations: z.number().int().positive().default(1),
});

function registryWith(preset: PresetConfig) {
  return fixtureRegistry({}, [
    fixtureComponent('discriminator', 'spectral-norm', wrapperOptions),
    fixtureComponent(
      'discriminator',
      'pacgan',
      z.strictObject({ body: z.looseObject({ kind: z.string() }), packing: z.number().default(4) }),
    ),
    defineComponent({
      kind: 'preset',
      name: 'sn',
      description: 'fixture preset that wraps D',
      options: z.strictObject({}),
      create: () => preset,
    }),
  ]);
}

const snPreset: PresetConfig = {
  loss: { kind: 'non-saturating' },
  discriminatorWrapper: { kind: 'spectral-norm' },
};

const base = (discriminator: unknown = { kind: 'mlp', hidden: [8] }) => ({
  data: { kind: 'ring' },
  generator: { kind: 'mlp' },
  discriminator,
  preset: 'sn',
});

describe('containsComponentKind', () => {
  it('finds a kind at the top, under inner or body at any depth, and nowhere else', () => {
    const sn = { kind: 'spectral-norm', inner: { kind: 'mlp' } };
    expect(containsComponentKind(sn, 'spectral-norm')).toBe(true);
    expect(containsComponentKind({ kind: 'pacgan', body: sn }, 'spectral-norm')).toBe(true);
    expect(containsComponentKind({ kind: 'x', inner: { kind: 'pacgan', body: sn } }, 'spectral-norm')).toBe(
      true,
    );
    expect(containsComponentKind({ kind: 'pacgan', body: { kind: 'mlp' } }, 'spectral-norm')).toBe(false);
    expect(containsComponentKind({ kind: 'mlp', hidden: [64, 'spectral-norm'] }, 'spectral-norm')).toBe(
      false,
    );
  });

  it('stops at a cycle', () => {
    const block: Record<string, unknown> = { kind: 'mlp' };
    block.self = block;
    expect(containsComponentKind(block, 'spectral-norm')).toBe(false);
  });
});

describe('wrapDiscriminator', () => {
  it('puts the block inside the wrapper as inner, keeping the wrapper options', () => {
    const out = wrapDiscriminator(
      { kind: 'mlp', hidden: [8] },
      { kind: 'spectral-norm', powerIterations: 2 },
    );
    expect(out).toEqual({
      wrapped: true,
      block: { kind: 'spectral-norm', powerIterations: 2, inner: { kind: 'mlp', hidden: [8] } },
    });
  });

  it('keeps a block that already holds the wrapper kind', () => {
    const block = { kind: 'pacgan', body: { kind: 'spectral-norm', inner: { kind: 'mlp' } } };
    expect(wrapDiscriminator(block, { kind: 'spectral-norm' })).toEqual({ wrapped: false, block });
  });
});

describe('resolveConfig: a preset that wraps the discriminator', () => {
  it("wraps the user's block (with its defaults), validates the wrapper and records the preset", () => {
    const resolved = resolveConfig(base(), registryWith(snPreset));
    expect(resolved.discriminator).toEqual({
      kind: 'spectral-norm',
      powerIterations: 1,
      inner: { kind: 'mlp', hidden: [8], activation: 'relu' },
    });
    expect(resolved.sources.discriminator).toBe('preset:sn');
    expect(resolved.generator).toEqual({ kind: 'mlp', hidden: [32, 32], activation: 'relu' });
  });

  it('does not wrap twice: a user wrapper (with its own options) wins, at the top or nested', () => {
    const own = { kind: 'spectral-norm', powerIterations: 3, inner: { kind: 'mlp' } };
    const resolved = resolveConfig(base(own), registryWith(snPreset));
    expect(resolved.discriminator).toEqual({ ...own });
    expect(resolved.sources.discriminator).toBe('user');
    const nested = { kind: 'pacgan', body: own };
    expect(resolveConfig(base(nested), registryWith(snPreset)).discriminator).toEqual({
      ...nested,
      packing: 4,
    });
  });

  it('is idempotent: resolving the resolved blocks again changes nothing', () => {
    const once = resolveConfig(base(), registryWith(snPreset));
    const twice = resolveConfig(base(once.discriminator), registryWith(snPreset));
    expect(twice.discriminator).toEqual(once.discriminator);
  });

  it('leaves the discriminator alone without a preset, or with one that does not wrap', () => {
    const noPreset = resolveConfig({ ...base(), preset: undefined }, registryWith(snPreset));
    expect(noPreset.discriminator).toEqual({ kind: 'mlp', hidden: [8], activation: 'relu' });
    expect(noPreset.sources.discriminator).toBe('user');
    const plain = resolveConfig(base(), registryWith({ loss: { kind: 'non-saturating' } }));
    expect(plain.discriminator.kind).toBe('mlp');
  });

  it("reports an error in the user's block at the user's path, not under inner", () => {
    const e = captureConfigError(() =>
      resolveConfig(base({ kind: 'mlp', hidden: ['x'] }), registryWith(snPreset)),
    );
    expect(e.issues.map((i) => i.path)).toEqual(['discriminator.hidden[0]']);
  });

  it('names the preset when its wrapper is not registered', () => {
    const e = captureConfigError(() =>
      resolveConfig(base(), registryWith({ discriminatorWrapper: { kind: 'no-such-wrapper' } })),
    );
    expect(e.issues[0].path).toBe('discriminator.kind');
    expect(e.message).toContain('no-such-wrapper');
    expect(e.message).toContain('(wrapper from preset "sn")');
  });

  it('rejects a preset wrapper that brings its own inner block', () => {
    const e = captureConfigError(() =>
      resolveConfig(
        base(),
        registryWith({ discriminatorWrapper: { kind: 'spectral-norm', inner: { kind: 'mlp' } } }),
      ),
    );
    expect(e.issues[0].path).toBe('preset');
    expect(e.message).toContain('discriminatorWrapper.inner');
    expect(e.message).toContain('holds no `inner`');
  });
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
