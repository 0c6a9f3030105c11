import { describe, expect, it } from 'vitest';
import { deepDifference } from './deep-difference.js';

describe('deepDifference', () => {
  it('is undefined for deep-equal plain data', () => {
    expect(deepDifference({ a: [1, { b: 'x' }], c: undefined }, { a: [1, { b: 'x' }] })).toBeUndefined();
    expect(deepDifference(undefined, undefined)).toBeUndefined();
    expect(deepDifference(NaN, NaN)).toBeUndefined();
  });

  it('names the first difference by path', () => {
    expect(deepDifference({ clip: 0.01 }, { clip: 0.02 }, 'options')).toBe('options.clip: 0.01 vs 0.02');
    expect(deepDifference({ a: [1, 2] }, { a: [1, 3] })).toBe('a[1]: 2 vs 3');
    expect(deepDifference({ a: 1 }, undefined, 'options')).toBe('options: {"a":1} vs undefined');
  });

  it('compares functions by identity and tolerates cycles', () => {
    const f = () => 1;
    expect(deepDifference({ f }, { f })).toBeUndefined();
    expect(deepDifference({ f }, { f: () => 1 })).toMatch(/^f: function f vs function/);
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    const b: Record<string, unknown> = { x: 1 };
    b.self = b;
    expect(deepDifference(a, b)).toBeUndefined();
  });
});
