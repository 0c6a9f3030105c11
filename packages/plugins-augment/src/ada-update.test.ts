import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adaUpdate, initialAdaState, type AdaState } from './ada-update.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const read = (s: AdaState) => ({
  p: s.p.dataSync()[0],
  rt: s.rt.dataSync()[0],
  signSum: s.signSum.dataSync()[0],
  updates: s.updates.dataSync()[0],
});
const scores = (...v: number[]) => tf.tensor2d(v, [v.length, 1]);

describe('adaUpdate: ADA’s p heuristic', () => {
  const schedule = { target: 0.6, interval: 2, stepSize: 0.25 };

  it('accumulates r_t over the interval and moves p by sign(r_t − target)·Δ at its end only', () => {
    let s = initialAdaState(0);
    s = adaUpdate(s, scores(1, 2, 3, 4), schedule);
    // First update: r_t = 1 so far, p unchanged until the interval ends.
    expect(read(s)).toEqual({ p: 0, rt: 1, signSum: 1, updates: 1 });
    s = adaUpdate(s, scores(1, -1, 2, 3), schedule);
    // mean signs 1 and 0.5: r_t = 0.75 > 0.6 → p = 0 + 0.25; accumulators reset.
    expect(read(s)).toEqual({ p: 0.25, rt: 0.75, signSum: 0, updates: 0 });
    s = adaUpdate(adaUpdate(s, scores(-1, -1, 1, -1), schedule), scores(-1, 1, 1, -1), schedule);
    // mean signs −0.5 and 0: r_t = −0.25 < 0.6 → p = 0.
    expect(read(s).p).toBe(0);
    expect(read(s).rt).toBe(-0.25);
  });

  it('clips p to [0, 1], and leaves it where r_t equals the target', () => {
    let s = initialAdaState(0.9);
    for (let i = 0; i < 4; i++) s = adaUpdate(s, scores(1, 1), schedule);
    expect(read(s).p).toBe(1);
    s = initialAdaState(0.1);
    for (let i = 0; i < 2; i++) s = adaUpdate(s, scores(-3, -2), schedule);
    expect(read(s).p).toBe(0);
    const at = adaUpdate(
      adaUpdate(initialAdaState(0.5), scores(1, 1, 1, 1, -1), { ...schedule, target: 0.6 }),
      scores(1, 1, 1, 1, -1),
      { ...schedule, target: 0.6 },
    );
    expect(read(at).p).toBe(0.5);
  });

  it('leaves the input state as it was', () => {
    const s = initialAdaState(0.3);
    const next = adaUpdate(s, scores(1, 1), { ...schedule, interval: 1 });
    expect(read(s).p).toBeCloseTo(0.3, 7);
    expect(read(next).p).toBeCloseTo(0.55, 6);
  });
});
