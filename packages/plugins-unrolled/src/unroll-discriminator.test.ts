import * as tf from '@tensorflow/tfjs';
import { Rng, installGradientFixes, type ParamTree } from '@ganforge/core';
import { testingClipHook, testingL2Regularizer } from '@ganforge/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { lossContext, sgd, tinyParts } from './test-helpers.js';
import { releaseUnrolled, unrollDiscriminator } from './unroll-discriminator.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

describe('unrollDiscriminator', () => {
  it("takes the trainer's D step: θ¹ = clip(θ⁰ − η∇(L_D + λ·R)), state from the real pass; inputs untouched", () => {
    const lr = 0.3;
    const lambda = 0.05;
    const c = 0.4;
    const parts = tinyParts(2, {
      statefulD: true,
      dOptimizer: sgd({ lr }),
      regularizers: [testingL2Regularizer('discriminator', lambda), testingL2Regularizer('generator', 100)],
      hooks: [testingClipHook('discriminatorUpdate', c), testingClipHook('generatorUpdate', 1e-6)],
    });
    const { discriminator: d, generator: g, loss } = parts;
    const rng = new Rng(2, 'batch');
    const real = { x: rng.normalTensor([8, 2]) };
    const z = rng.normalTensor([8, 2]);
    const before = Object.fromEntries(
      Object.entries({ ...d.params, ...d.state }).map(([p, v]) => [p, Array.from(v.dataSync())]),
    );
    tf.tidy(() => {
      const fake = g.generate(z, { training: true }).x;
      const params: ParamTree = { ...d.params };
      const state: ParamTree = { ...d.state };
      const out = unrollDiscriminator({
        discriminator: d,
        loss,
        regularizers: parts.regularizers,
        hooks: parts.hooks,
        optimizer: parts.discriminatorOptimizer,
        params,
        state,
        optimizerState: {},
        real,
        fake,
        context: (trees, realOut, fakeOut) =>
          lossContext(parts, real, z, fake, { ...g.params }, trees, realOut, fakeOut),
        unrollSteps: 1,
        firstOrder: false,
        step: 1,
      });
      // The same step written out by hand.
      const paths = Object.keys(params);
      const grads = tf.grads((...xs: tf.Tensor[]) => {
        const theta = Object.fromEntries(paths.map((p, i) => [p, xs[i]]));
        const realOut = d.forward(real.x, { training: true, params: theta, state });
        const fakeOut = d.forward(fake, { training: true, params: theta, state });
        const parts_ = loss.discriminatorLoss(
          lossContext(
            parts,
            real,
            z,
            fake,
            { ...g.params },
            { params: theta, state },
            () => realOut,
            fakeOut,
          ),
        );
        const l2 = tf.addN(xs.map((x) => tf.sum(tf.square(x))));
        return tf.add(tf.add(parts_.real, parts_.fake), tf.mul(l2, lambda)) as tf.Scalar;
      })(paths.map((p) => params[p]));
      let clipped = 0;
      paths.forEach((p, i) => {
        const raw = tf.sub(params[p], tf.mul(grads[i], lr));
        clipped += tf.sum(tf.cast(tf.greater(tf.abs(raw), c), 'int32')).dataSync()[0];
        expect(Array.from(out.params[p].dataSync())).toEqual(
          Array.from(tf.clipByValue(raw, -c, c).dataSync()),
        );
      });
      expect(clipped).toBeGreaterThan(0);
      const expectedMean = tf.add(tf.mul(state['running/mean'], 0.9), tf.mul(tf.mean(real.x, 0), 0.1));
      expect(Array.from(out.state['running/mean'].dataSync())).toEqual(Array.from(expectedMean.dataSync()));
      expect(out.losses).toHaveLength(1);
      releaseUnrolled(out.held);
    });
    const after = Object.fromEntries(
      Object.entries({ ...d.params, ...d.state }).map(([p, v]) => [p, Array.from(v.dataSync())]),
    );
    expect(after).toEqual(before);
    tf.dispose([real.x, z]);
    g.dispose();
    d.dispose();
  });

  it('with K = 0 returns its inputs', () => {
    const parts = tinyParts(3);
    const params = { ...parts.discriminator.params };
    const out = unrollDiscriminator({
      discriminator: parts.discriminator,
      loss: parts.loss,
      regularizers: [],
      hooks: [],
      optimizer: parts.discriminatorOptimizer,
      params,
      state: {},
      optimizerState: {},
      real: { x: tf.zeros([1, 2]) },
      fake: tf.zeros([1, 2]),
      context: () => {
        throw new TypeError('not called');
      },
      unrollSteps: 0,
      firstOrder: false,
      step: 1,
    });
    expect(out.params).toBe(params);
    expect(out.losses).toEqual([]);
    parts.generator.dispose();
    parts.discriminator.dispose();
  });
});
