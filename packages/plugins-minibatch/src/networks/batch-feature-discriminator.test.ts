import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  installGradientFixes,
  Rng,
  type Discriminator,
  type DiscriminatorOutput,
  type ForwardOptions,
  type ParamTree,
  type VariableTree,
} from '@ganforge/core';
import { checkGradient, tinyMlpDiscriminator } from '@ganforge/core/testing';
import { minibatchDiscrimination } from '../layers/minibatch-discrimination.js';
import { minibatchStddev } from '../layers/minibatch-stddev.js';
import { BatchFeatureDiscriminator } from './batch-feature-discriminator.js';
import { minibatchDiscriminationFeature, minibatchStddevFeature } from './minibatch-features.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

const mbd = (B = 3, C = 2) =>
  minibatchDiscriminationFeature({ B, C, initStd: 0.5, excludeSelf: true, average: true });

function wrapped(hidden = [8], feature = mbd()): BatchFeatureDiscriminator {
  const body = tinyMlpDiscriminator([2], new Rng(1, 'init'), { hidden, activation: 'tanh' });
  return new BatchFeatureDiscriminator(body, feature, new Rng(2, 'init'));
}

/**
 * A body with state: features x·W, score features·v, and a counter in its state that each
 * training pass increments (standing for batch-norm statistics).
 */
class CountingBody implements Discriminator {
  readonly params: VariableTree = {
    'features/kernel': tf.variable(tf.tensor2d([1, 0.5, -1, 2, 0, 1], [2, 3])),
    'score/kernel': tf.variable(tf.ones([3, 1])),
  };
  readonly state: VariableTree = { count: tf.variable(tf.scalar(0), false) };
  readonly supportsSubstituteParams = true;
  readonly inputShape = [2];
  forward(x: tf.Tensor, o: ForwardOptions): DiscriminatorOutput {
    const p = o.params ?? this.params;
    const s = o.state ?? this.state;
    const features = tf.matMul(x, p['features/kernel']);
    return {
      score: tf.matMul(features, p['score/kernel']),
      features,
      state: { count: o.training ? tf.add(s.count, 1) : s.count },
    };
  }
  dispose(): void {
    tf.dispose([...Object.values(this.params), ...Object.values(this.state)]);
  }
}

/**
 * An input batch redrawn (TRAPS.md) until every pairwise difference of M = f(x)·T is at least 1e-2
 * from the L1 kink at 0 (seed 6 alone puts one at 1e-3 and the finite differences 2 % off).
 */
function awayFromKinks(d: BatchFeatureDiscriminator, seed: number): tf.Tensor {
  const [a, b, c] = d.params['minibatch/T'].shape;
  for (let s = seed; ; s++) {
    const x = new Rng(s, 'x').normalTensor([3, 2]);
    const m = tf.tidy(
      () =>
        tf
          .matMul(
            d.body.forward(x, { training: true }).features,
            tf.reshape(d.params['minibatch/T'], [a, b * c]),
          )
          .arraySync() as number[][],
    );
    let gap = Infinity;
    for (let i = 0; i < m.length; i++)
      for (let j = i + 1; j < m.length; j++)
        for (let k = 0; k < b * c; k++) gap = Math.min(gap, Math.abs(m[i][k] - m[j][k]));
    if (gap > 1e-2) return x;
    x.dispose();
  }
}

describe('BatchFeatureDiscriminator', () => {
  it("keeps the body's feature params under body/, leaves out its unused head, adds minibatch/T and a new head", () => {
    const d = wrapped();
    expect(Object.keys(d.params).sort()).toEqual([
      'body/layers/0/bias',
      'body/layers/0/kernel',
      'head/bias',
      'head/kernel',
      'minibatch/T',
    ]);
    expect(d.featureDim).toBe(8);
    expect(d.params['minibatch/T'].shape).toEqual([8, 3, 2]);
    expect(d.params['head/kernel'].shape).toEqual([8 + 3, 1]);
    expect(d.params['body/layers/0/kernel']).toBe(d.body.params['layers/0/kernel']);
    const stddev = wrapped([8], minibatchStddevFeature({ epsilon: 1e-8 }));
    expect(Object.keys(stddev.params).sort()).toEqual([
      'body/layers/0/bias',
      'body/layers/0/kernel',
      'head/bias',
      'head/kernel',
    ]);
    expect(stddev.params['head/kernel'].shape).toEqual([9, 1]);
    // A body whose features are its input (no hidden layer) contributes no param at all.
    expect(Object.keys(wrapped([]).params).sort()).toEqual(['head/bias', 'head/kernel', 'minibatch/T']);
    d.dispose();
    stddev.dispose();
  });

  it('scores [f, o] with the new head: score = [f, o]·w + c, features = [f, o]', () => {
    const d = wrapped();
    const x = new Rng(5, 'x').normalTensor([4, 2]);
    const out = d.forward(x, { training: true });
    const f = d.body.forward(x, { training: true }).features;
    const h = tf.concat([f, minibatchDiscrimination(f, d.params['minibatch/T'])], 1);
    const score = tf.add(tf.matMul(h, d.params['head/kernel']), d.params['head/bias']);
    expect(out.score.shape).toEqual([4, 1]);
    expect(out.features.shape).toEqual([4, 11]);
    expect(Array.from(out.features.dataSync())).toEqual(Array.from(h.dataSync()));
    expect(Array.from(out.score.dataSync())).toEqual(Array.from(score.dataSync()));
    const s = wrapped([8], minibatchStddevFeature({ epsilon: 1e-8 }));
    const sf = s.forward(x, { training: true }).features;
    const sExpected = tf.concat([s.body.forward(x, { training: true }).features, minibatchStddev(f)], 1);
    expect(Array.from(sf.dataSync())).toEqual(Array.from(sExpected.dataSync()));
    d.dispose();
    s.dispose();
  });

  it('passes substitute params and state through to the body and returns its new state under body/', () => {
    const body = new CountingBody();
    const d = new BatchFeatureDiscriminator(body, mbd(2, 2), new Rng(3, 'init'));
    expect(Object.keys(d.params).sort()).toEqual([
      'body/features/kernel',
      'head/bias',
      'head/kernel',
      'minibatch/T',
    ]);
    expect(Object.keys(d.state)).toEqual(['body/count']);
    const x = tf.tensor2d([
      [1, 2],
      [0, -1],
      [3, 1],
    ]);
    const own = d.forward(x, { training: true });
    expect(own.state['body/count'].dataSync()[0]).toBe(1);
    expect(d.state['body/count'].dataSync()[0]).toBe(0); // returned, never assigned
    // Substitutes equal to twice the variables give the output of variables assigned twice their value.
    const doubled: ParamTree = Object.fromEntries(
      Object.entries(d.params).map(([k, v]) => [k, tf.mul(v, 2)]),
    );
    const sub = d.forward(x, { training: false, params: doubled, state: { 'body/count': tf.scalar(7) } });
    expect(sub.state['body/count'].dataSync()[0]).toBe(7);
    for (const [k, v] of Object.entries(d.params)) v.assign(doubled[k]);
    const assigned = d.forward(x, { training: false });
    expect(Array.from(sub.score.dataSync())).toEqual(Array.from(assigned.score.dataSync()));
    expect(() =>
      d.forward(x, { training: false, params: { 'minibatch/T': doubled['minibatch/T'] } }),
    ).toThrow(ConfigError);
    expect(() =>
      d.forward(x, { training: false, params: { 'minibatch/T': doubled['minibatch/T'] } }),
    ).toThrow(
      'substitute params lack 3 path(s) of the discriminator: body/features/kernel, head/kernel, head/bias',
    );
    d.dispose();
  });

  it('has a gradient for every param (tf.grads over substitute params, as the unrolled trainer takes it) matching finite differences', () => {
    const d = wrapped([4]);
    const x = awayFromKinks(d, 6);
    const paths = Object.keys(d.params);
    const f = (...values: tf.Tensor[]) =>
      tf.sum(
        d.forward(x, { training: true, params: Object.fromEntries(paths.map((p, i) => [p, values[i]])) })
          .score,
      ) as tf.Scalar;
    const grads = tf.grads(f)(paths.map((p) => d.params[p]));
    expect(grads.every((g) => tf.sum(tf.abs(g)).dataSync()[0] > 0)).toBe(true);
    for (const [i, path] of paths.entries()) {
      const others = (v: tf.Tensor) => paths.map((p, j) => (j === i ? v : d.params[p]));
      const check = checkGradient((v) => f(...others(v)), d.params[path]);
      expect(check.relativeError, path).toBeLessThan(5e-3);
      expect(Array.from(grads[i].dataSync())).toEqual(Array.from(check.analytic));
    }
    d.dispose();
  });
});
