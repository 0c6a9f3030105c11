import * as tf from '@tensorflow/tfjs';
import { Rng } from '@ganforge/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { MNIST_HELD_OUT_SIZE, mnistSplitIndices } from '../mnist/mnist-split.js';
import { loadMnistDigits, mnist } from './mnist-source.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('MNIST from the mnist package', () => {
  it('holds exactly 10,000 digits in [−1, 1], 863–1,127 per class', () => {
    const all = loadMnistDigits();
    expect(all.labels).toHaveLength(10_000);
    expect(all.values).toHaveLength(10_000 * 784);
    let min = Infinity;
    let max = -Infinity;
    for (const v of all.values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect(min).toBe(-1);
    expect(max).toBeCloseTo(1, 2);
    const counts = new Array(10).fill(0);
    for (const l of all.labels!) counts[l]++;
    expect(Math.min(...counts)).toBe(863);
    expect(Math.max(...counts)).toBe(1127);
  });

  it('splits 8,000 / 2,000 by a fixed seed: disjoint, complete, the same every time', () => {
    const a = mnistSplitIndices(10_000);
    expect(a.train).toHaveLength(8000);
    expect(a.heldOut).toHaveLength(MNIST_HELD_OUT_SIZE);
    expect(new Set([...a.train, ...a.heldOut]).size).toBe(10_000);
    expect(Array.from(mnistSplitIndices(10_000).heldOut)).toEqual(Array.from(a.heldOut));
    // pinned so a change of the split cannot go unnoticed (the classifier was trained on it)
    expect(Array.from(a.heldOut.slice(0, 5))).toEqual([3, 9, 13, 15, 19]);
  });

  it('sources: train carries its held-out split; labels are one-hot; flatten gives [784]', () => {
    const train = mnist();
    expect(train.size).toBe(8000);
    expect(train.sampleShape).toEqual([28, 28, 1]);
    expect(train.numClasses).toBe(10);
    expect(train.heldOut!.size).toBe(2000);
    const heldOutCounts = new Array(10).fill(0);
    for (const l of train.heldOut!.labels!) heldOutCounts[l]++;
    // a random split keeps the class mix: every class 8–12.5 % of the held-out digits
    expect(Math.min(...heldOutCounts)).toBeGreaterThan(160);
    expect(Math.max(...heldOutCounts)).toBeLessThan(250);
    const batch = mnist({ split: 'held-out', flatten: true }).sampler(new Rng(1)).next(8);
    expect(batch.x.shape).toEqual([8, 784]);
    expect(batch.labels!.shape).toEqual([8, 10]);
    expect(Array.from(batch.labels!.sum(1).dataSync())).toEqual(new Array(8).fill(1));
    tf.dispose([batch.x, batch.labels!]);
  });

  it('trainSize keeps the first N training digits of the seeded split; the held-out split is unchanged', () => {
    const full = mnist();
    const small = mnist({ trainSize: 1000 });
    expect(small.size).toBe(1000);
    expect(small.heldOut!.size).toBe(2000);
    expect(Array.from(small.labels!)).toEqual(Array.from(full.labels!.slice(0, 1000)));
    expect(Array.from(small.values.slice(0, 784 * 3))).toEqual(Array.from(full.values.slice(0, 784 * 3)));
    expect(Array.from(small.heldOut!.labels!)).toEqual(Array.from(full.heldOut!.labels!));
    expect(() => mnist({ trainSize: 9000 })).toThrow(/8000|8,000|too_big|less than/i);
  });
});
