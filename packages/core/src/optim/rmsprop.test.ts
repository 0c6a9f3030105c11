import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../rng/rng.js';
import { tensorCountsOverUpdates, updateGradientError } from './fixtures/finite-difference.js';
import { compareWithTfjs, gradientAt, initialParams } from './fixtures/reference-run.js';
import { rmsprop } from './rmsprop.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('rmsprop', () => {
  it('matches tf.train.rmsprop over 100 steps (same ρ, μ, ε)', () => {
    for (const [rho, momentum, epsilon] of [
      [0.9, 0, 1e-8],
      [0.95, 0.9, 1e-7],
      [0.5, 0.3, 1e-3],
    ]) {
      const theirs = tf.train.rmsprop(5e-3, rho, momentum, epsilon);
      const r = compareWithTfjs(rmsprop({ lr: 5e-3, rho, momentum, epsilon }), theirs, 100);
      theirs.dispose();
      console.info(
        `rmsprop ρ=${rho} μ=${momentum} ε=${epsilon}: max rel err ${r.maxRelativeError.toExponential(2)}`,
      );
      expect(r.maxRelativeError).toBeLessThan(1e-5);
    }
  });

  it('centered: matches tf.train.rmsprop(centered) where the formulas agree (ε = 0)', () => {
    // tfjs 4.22 computes √(s − c² − ε); ours is TensorFlow's √(s − c² + ε). They agree at ε = 0.
    // No all-zero gradient entry here: with ε = 0 both would divide 0 by 0.
    const theirs = tf.train.rmsprop(5e-3, 0.9, 0.5, 0, true);
    const r = compareWithTfjs(
      rmsprop({ lr: 5e-3, rho: 0.9, momentum: 0.5, epsilon: 0, centered: true }),
      theirs,
      100,
      9,
      false,
    );
    theirs.dispose();
    console.info(`rmsprop centered ε=0: max rel err ${r.maxRelativeError.toExponential(2)}`);
    expect(r.maxRelativeError).toBeLessThan(1e-5);
  });

  it('centered with ε > 0 adds ε under the root (one hand-computed step)', () => {
    const opt = rmsprop({ lr: 0.1, rho: 0.9, epsilon: 0.01, centered: true });
    const params = { p: tf.tensor([1]) };
    const state = opt.init(params);
    const grads = { p: tf.tensor([2]) };
    const out = opt.update(grads, state, params);
    // s = 0.1·4 = 0.4, c = 0.1·2 = 0.2, d = 0.4 − 0.04 + 0.01 = 0.37, θ = 1 − 0.1·2/√0.37
    expect(out.params.p.dataSync()[0]).toBeCloseTo(1 - 0.2 / Math.sqrt(0.37), 6);
    expect(Object.keys(out.state).sort()).toEqual(['mg/p', 'ms/p']);
    tf.dispose([params, state, grads, out.params, out.state]);
  });

  it('is differentiable through update (finite differences)', () => {
    for (const opt of [
      rmsprop({ lr: 0.05 }),
      rmsprop({ lr: 0.05, momentum: 0.5, centered: true, epsilon: 1e-3 }),
    ]) {
      const err = updateGradientError(opt, 13);
      console.info(`rmsprop update inside tf.grad vs finite differences: rel err ${err.toExponential(2)}`);
      expect(err).toBeLessThan(1e-3);
    }
  });

  it('leaks no tensor over repeated updates', () => {
    const rng = new Rng(5, 'grads');
    const opt = rmsprop({ lr: 1e-3, momentum: 0.9, centered: true });
    const counts = tensorCountsOverUpdates(opt, (i) => gradientAt(rng, i), initialParams(5));
    expect(counts).toEqual([counts[0], counts[0], counts[0]]);
  });
});
