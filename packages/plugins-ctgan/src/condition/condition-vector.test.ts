import { describe, expect, it } from 'vitest';
import { ConfigError } from '@ganforge/core';
import { handLayout } from '../test-helpers.js';
import { conditionSlots } from './condition-slots.js';
import { conditionLabel, conditionVector } from './condition-vector.js';

const slots = conditionSlots(handLayout());

describe('conditionLabel / conditionVector', () => {
  it('name the slot of column = value: categories, booleans, missing (null)', () => {
    expect(conditionLabel(slots, 'b', 'y')).toBe(1);
    expect(conditionLabel(slots, 'b', null)).toBe(2);
    expect(conditionLabel(slots, 'd', true)).toBe(4);
    expect(conditionLabel(slots, 'd', 'false')).toBe(3);
    expect(Array.from(conditionVector(slots, 'd', true))).toEqual([0, 0, 0, 0, 1]);
  });

  it('a point mass of a mixed column by its value, when mixed groups are conditioned', () => {
    const mixed = {
      spans: [
        {
          kind: 'one-hot' as const,
          column: 'debt',
          start: 1,
          width: 3,
          activation: 'softmax' as const,
          role: 'mixed' as const,
          labels: ['=0', '<missing>', 'mode 0'],
        },
      ],
      offsets: [0],
      width: 3,
    };
    expect(conditionLabel(mixed, 'debt', 0)).toBe(0);
    expect(conditionLabel(mixed, 'debt', null)).toBe(1);
  });

  it('an unknown column or value is a ConfigError at the path, listing what exists', () => {
    const at = (f: () => unknown): ConfigError => {
      try {
        f();
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('no error');
    };
    const column = at(() => conditionLabel(slots, 'a', 1));
    expect(column).toBeInstanceOf(ConfigError);
    expect(column.message).toBe("condition.a: no conditional column 'a'; the conditional vector holds b, d");
    expect(column.issues.map((i) => i.path)).toEqual(['condition.a']);
    const value = at(() => conditionVector(slots, 'b', 'w', 'where.b'));
    expect(value.message).toBe('where.b: "w" is not a value of \'b\' (known: x, y, <missing>)');
    expect(value.issues.map((i) => i.path)).toEqual(['where.b']);
  });
});
