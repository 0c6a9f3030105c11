import { describe, expect, it } from 'vitest';
import { Rng } from '@ganforge/core';
import { handLayout } from '../test-helpers.js';
import { conditionSlots } from './condition-slots.js';
import { categoryProbabilities, conditionOneHots, drawConditions, inverseCdf } from './draw-conditions.js';

describe('categoryProbabilities', () => {
  it('log-frequency: log(1 + n_k) normalized (counts 90, 9, 1 → 0.6009, 0.3067, 0.0923)', () => {
    const p = Array.from(categoryProbabilities([90, 9, 1], true));
    [0.600919783, 0.306741749, 0.092338467].forEach((v, i) => expect(p[i]).toBeCloseTo(v, 8));
  });

  it('raw frequency without it; a category never seen gets 0 either way', () => {
    expect(Array.from(categoryProbabilities([90, 9, 1], false))).toEqual([0.9, 0.09, 0.01]);
    expect(categoryProbabilities([3, 0, 1], true)[1]).toBe(0);
  });
});

describe('inverseCdf', () => {
  it('the first slot whose cumulative probability exceeds u, skipping slots without mass', () => {
    const p = [0.5, 0, 0.25, 0.25];
    expect([0, 0.49, 0.5, 0.74, 0.75, 0.999].map((u) => inverseCdf(p, u))).toEqual([0, 0, 2, 2, 3, 3]);
    expect(inverseCdf([0.3, 0.3, 0.3999999, 0], 0.9999999999)).toBe(2);
  });
});

describe('drawConditions', () => {
  it('a column uniformly, then its category with log-frequency probability (60,000 draws, within 0.01)', () => {
    const probabilities = [categoryProbabilities([90, 9, 1], true), categoryProbabilities([8, 2], true)];
    const n = 60_000;
    const draw = drawConditions(probabilities, n, new Rng(4, 'conditions'));
    const spanShare = [0, 1].map((s) => draw.span.filter((x) => x === s).length / n);
    spanShare.forEach((v) => expect(Math.abs(v - 0.5)).toBeLessThan(0.01));
    const share = (s: number, k: number) =>
      draw.slot.filter((x, i) => draw.span[i] === s && x === k).length /
      draw.span.filter((x) => x === s).length;
    [0.600919783, 0.306741749, 0.092338467].forEach((p, k) =>
      expect(Math.abs(share(0, k) - p)).toBeLessThan(0.01),
    );
    // log 9 / (log 9 + log 3) = 2/3
    expect(Math.abs(share(1, 0) - 2 / 3)).toBeLessThan(0.01);
  });

  it('is reproducible from the stream and writes each condition as a one-hot over all slots', () => {
    const probabilities = [
      [0.5, 0.5, 0],
      [0, 1],
    ];
    const a = drawConditions(probabilities, 5, new Rng(9, 'c'));
    expect(drawConditions(probabilities, 5, new Rng(9, 'c'))).toEqual(a);
    const slots = conditionSlots(handLayout());
    const draw = { span: Int32Array.from([0, 1, 0]), slot: Int32Array.from([2, 1, 0]) };
    expect(Array.from(conditionOneHots(slots, draw))).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0]);
  });
});
