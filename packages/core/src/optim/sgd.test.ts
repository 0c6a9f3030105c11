import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../rng/rng.js';
import { tensorCountsOverUpdates, updateGradientError } from './fixtures/finite-difference.js';
import { compareWithTfjs, gradientAt, initialParams } from './fixtures/reference-run.js';
import { sgd } from './sgd.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('sgd', () => {
  it('matches tf.train.sgd over 100 steps', () => {
    const theirs = tf.train.sgd(0.05);
    const r = compareWithTfjs(sgd({ lr: 0.05 }), theirs, 100);
    theirs.dispose();
    console.info(`sgd: max rel err ${r.maxRelativeError.toExponential(2)}`);
    expect(r.maxRelativeError).toBeLessThan(1e-5);
  });

  it('matches tf.train.momentum (heavy ball and Nesterov) over 100 steps', () => {
    for (const nesterov of [false, true]) {
      const theirs = tf.train.momentum(0.02, 0.9, nesterov);
      const r = compareWithTfjs(sgd({ lr: 0.02, momentum: 0.9, nesterov }), theirs, 100);
      theirs.dispose();
      console.info(
        `sgd momentum 0.9 nesterov=${nesterov}: max rel err ${r.maxRelativeError.toExponential(2)}`,
      );
      expect(r.maxRelativeError).toBeLessThan(1e-5);
    }
  });

  it('keeps no state without momentum and momentum/<path> with it', () => {
    const params = { 'layers/0/kernel': tf.ones([2]) };
    expect(Object.keys(sgd({ lr: 1 }).init(params))).toEqual([]);
    const state = sgd({ lr: 1, momentum: 0.5 }).init(params);
    expect(Object.keys(state)).toEqual(['momentum/layers/0/kernel']);
    tf.dispose([params, state]);
  });

  it('is differentiable through update (finite differences)', () => {
    for (const opt of [sgd({ lr: 0.1 }), sgd({ lr: 0.1, momentum: 0.9, nesterov: true })]) {
      const err = updateGradientError(opt, 12);
      expect(err).toBeLessThan(1e-3);
    }
  });

  it('leaks no tensor over repeated updates', () => {
    const rng = new Rng(5, 'grads');
    const counts = tensorCountsOverUpdates(
      sgd({ lr: 1e-3, momentum: 0.9 }),
      (i) => gradientAt(rng, i),
      initialParams(5),
    );
    expect(counts).toEqual([counts[0], counts[0], counts[0]]);
  });

  it('rejects a momentum outside [0, 1)', () => {
    expect(() => sgd({ lr: 0.1, momentum: 1.5 })).toThrow(/sgd: momentum must be in \[0, 1\), got 1.5/);
  });
});
