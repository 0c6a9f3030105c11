import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { fixtureRegistry } from '../registry/fixtures/test-components.js';
import { resolveConfig } from '../config/resolve-config.js';

const base = {
  data: { kind: 'ring' },
  generator: { kind: 'mlp' },
  discriminator: { kind: 'mlp' },
};

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    resolveConfig(input, fixtureRegistry());
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
}

describe('config: the ema block', () => {
  it('is off when absent', () => {
    const resolved = resolveConfig(base, fixtureRegistry());
    expect(resolved.ema).toBeUndefined();
    expect(resolved.sources['ema.decay']).toBeUndefined();
  });

  it('resolves missing fields to the core defaults (decay 0.999, startStep 0) and records sources', () => {
    const resolved = resolveConfig({ ...base, ema: {} }, fixtureRegistry());
    expect(resolved.ema).toEqual({ decay: 0.999, startStep: 0, standingBatches: 0 });
    expect(resolved.sources['ema.decay']).toBe('core');
    const user = resolveConfig({ ...base, ema: { decay: 0.99, startStep: 500 } }, fixtureRegistry());
    expect(user.ema).toEqual({ decay: 0.99, startStep: 500, standingBatches: 0 });
    expect(user.sources['ema.startStep']).toBe('user');
  });

  it.each([
    ['a decay of 1', { decay: 1 }, 'ema.decay', /expected.*< 1|less than 1/i],
    ['a decay of 0', { decay: 0 }, 'ema.decay', /> 0|greater than 0/i],
    ['a string decay', { decay: '0.999' }, 'ema.decay', /number/],
    ['a negative startStep', { startStep: -1 }, 'ema.startStep', /0/],
    ['a fractional startStep', { startStep: 2.5 }, 'ema.startStep', /integer/],
    ['an unknown key', { decay: 0.9, start: 10 }, 'ema.start', /known keys \(decay, startStep, standingBatches\)/],
  ])('rejects %s with the field path', (_name, ema, path, message) => {
    const issues = issuesOf({ ...base, ema });
    const issue = issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
  });

  it('rejects a non-object ema block at `ema`', () => {
    const issues = issuesOf({ ...base, ema: true });
    expect(issues.map((i) => i.path)).toContain('ema');
    expect(issues.find((i) => i.path === 'ema')!.message).toMatch(/found boolean true/);
  });
});
