import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { emaUpdate } from './ema-update.js';
import { GeneratorEma } from './generator-ema.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const values = (t: tf.Tensor) => Array.from(t.dataSync());

describe('emaUpdate: θ_ema ← θ while t ≤ startStep, else β·θ_ema + (1 − β)·θ', () => {
  it('copies through the start step, then averages (hand-computed, β = 0.9, start = 2)', () => {
    const theta = tf.variable(tf.tensor1d([1, 2]));
    const ema = new GeneratorEma({ decay: 0.9, startStep: 2 }, { w: theta });
    expect(values(ema.params.w)).toEqual([1, 2]); // θ_ema starts as the initial weights
    const steps: [number[], number[]][] = [
      [
        [3, 4],
        [3, 4],
      ], // t = 1 ≤ startStep: copy
      [
        [5, 6],
        [5, 6],
      ], // t = 2 = startStep: copy
      [
        [15, 26],
        [6, 8],
      ], // t = 3: 0.9·[5, 6] + 0.1·[15, 26]
      [
        [16, 8],
        [7, 8],
      ], // t = 4: 0.9·[6, 8] + 0.1·[16, 8]
      [
        [-3, 18],
        [6, 9],
      ], // t = 5: 0.9·[7, 8] + 0.1·[−3, 18]
    ];
    steps.forEach(([next, expected], i) => {
      tf.tidy(() => theta.assign(tf.tensor1d(next)));
      ema.update({ w: theta }, i + 1);
      const got = values(ema.params.w);
      expected.forEach((e, j) => expect(got[j]).toBeCloseTo(e, 5));
    });
    ema.dispose();
    theta.dispose();
  });

  it('averages from the first step with startStep 0 (the initial weights are θ_ema at t = 0)', () => {
    const theta = tf.variable(tf.tensor2d([[1, -1]]));
    const ema = new GeneratorEma({ decay: 0.9, startStep: 0 }, { 'layers/0/kernel': theta });
    tf.tidy(() => theta.assign(tf.tensor2d([[11, 9]])));
    ema.update({ 'layers/0/kernel': theta }, 1);
    const got = values(ema.params['layers/0/kernel']);
    expect(got[0]).toBeCloseTo(2, 5); // 0.9·1 + 0.1·11
    expect(got[1]).toBeCloseTo(0, 5); // 0.9·(−1) + 0.1·9
    expect(ema.params['layers/0/kernel'].shape).toEqual([1, 2]);
    ema.dispose();
    theta.dispose();
  });

  it('is pure: its inputs are unchanged and only the returned tensors are new', () => {
    const avg = { a: tf.tensor1d([0, 0]) };
    const params = { a: tf.tensor1d([10, 20]) };
    const before = tf.memory().numTensors;
    const out = emaUpdate(avg, params, { decay: 0.5, startStep: 0 }, 1);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(values(out.a)).toEqual([5, 10]);
    expect(values(avg.a)).toEqual([0, 0]);
    expect(values(params.a)).toEqual([10, 20]);
    tf.dispose([avg.a, params.a, out.a]);
  });

  it('keeps one tensor per parameter across updates (no leak)', () => {
    const theta = tf.variable(tf.tensor1d([1, 2, 3]));
    const ema = new GeneratorEma({ decay: 0.99, startStep: 3 }, { w: theta });
    const before = tf.memory().numTensors;
    for (let t = 1; t <= 10; t++) ema.update({ w: theta }, t);
    expect(tf.memory().numTensors).toBe(before);
    ema.dispose();
    theta.dispose();
  });
});
