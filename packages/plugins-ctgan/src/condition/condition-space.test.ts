import { describe, expect, it } from 'vitest';
import { handLayout, handRows } from '../test-helpers.js';
import { conditionSlots } from './condition-slots.js';
import { conditionSpace } from './condition-space.js';

describe('conditionSlots', () => {
  it("CTGAN's default: the categorical and boolean spans, slots laid out one after the other", () => {
    const slots = conditionSlots(handLayout());
    expect(slots.spans.map((s) => [s.column, s.start, s.width])).toEqual([
      ['b', 1, 3],
      ['d', 7, 2],
    ]);
    expect(slots.offsets).toEqual([0, 3]);
    expect(slots.width).toBe(5);
  });

  it("CTAB-GAN's: the mode indicators too, in layout order", () => {
    const slots = conditionSlots(handLayout(), ['category', 'mode']);
    expect(slots.spans.map((s) => s.column)).toEqual(['b', 'c', 'd']);
    expect(slots.offsets).toEqual([0, 3, 5]);
    expect(slots.width).toBe(7);
    expect(conditionSlots(handLayout(), ['mixed'])).toEqual({ spans: [], offsets: [], width: 0 });
  });
});

describe('conditionSpace', () => {
  it('indexes the rows by the slot of each conditioned span (10 hand-made rows)', () => {
    const space = conditionSpace(handLayout(), handRows(10));
    expect(space.rows).toBe(10);
    expect(space.members.map((m) => m.map((l) => Array.from(l)))).toEqual([
      [
        [0, 3, 6, 9],
        [1, 4, 7],
        [2, 5, 8],
      ],
      [
        [1, 2, 3, 4, 6, 7, 8, 9],
        [0, 5],
      ],
    ]);
    expect(space.counts).toEqual([
      [4, 3, 3],
      [8, 2],
    ]);
  });
});
