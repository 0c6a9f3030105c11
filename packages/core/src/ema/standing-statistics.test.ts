// Standing statistics for the averaged generator: the formula (the plain average of K batches'
// statistics, whatever the start state), the GAN's cache (once per EMA update, used by sample and
// export, never from a training stream) and no tensor leak.
import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { GAN_COMPONENT } from '../di/tokens.js';
import { createGan } from '../node.js';
import { defineComponent } from '../registry/component.js';
import { Rng } from '../rng/rng.js';
import { expectNoTensorLeak } from '../testing/expect-no-tensor-leak.js';
import { testingPlugin } from '../testing/testing-plugin.js';
import type { ForwardOptions, Generator, ParamTree } from '../types/network.js';
import type { GanPlugin } from '../types/plugin.js';
import { testConfig } from '../gan/fixtures/test-config.js';
import { standingStatistics } from './standing-statistics.js';

/**
 * x = w ⊙ z + μ, where μ is the batch mean of z in training (then returned as the running mean
 * m·μ_run + (1 − m)·μ, m = 0.9 unless overridden) and the running mean in inference: the smallest
 * generator whose running statistics depend on its input, like batch norm's.
 */
function meanTracker(latentDim: number, rng: Rng): Generator {
  const params = { w: tf.variable(rng.normalTensor([latentDim])) };
  const state = { 'bn/movingMean': tf.variable(tf.fill([latentDim], 5)) };
  return {
    params,
    state,
    latentDim,
    outputShape: [latentDim],
    supportsSubstituteParams: true,
    generate(zIn: tf.Tensor, o: ForwardOptions) {
      return tf.tidy(() => {
        const w = (o.params ?? params).w;
        const moving = (o.state ?? state)['bn/movingMean'];
        if (!o.training) return { x: tf.add(tf.mul(zIn, w), moving), state: o.state ?? { ...state } };
        const mean = tf.mean(tf.mul(zIn, w), 0);
        const m = o.statisticsMomentum ?? 0.9;
        return {
          x: tf.add(tf.mul(zIn, w), mean),
          state: { 'bn/movingMean': tf.add(tf.mul(m, moving), tf.mul(1 - m, mean)) },
        };
      });
    },
    dispose() {
      params.w.dispose();
      state['bn/movingMean'].dispose();
    },
  };
}

const trackerPlugin: GanPlugin = {
  name: 'mean-tracker',
  register(container) {
    container.register(GAN_COMPONENT, {
      useValue: defineComponent({
        kind: 'generator',
        name: 'mean-tracker',
        description: 'x = w ⊙ z + running mean of w ⊙ z (tests)',
        options: z.strictObject({}),
        create: (_o, ctx) => meanTracker(ctx.latentDim, ctx.rng),
      }),
    });
  },
};

const plugins = [testingPlugin(), trackerPlugin];
const config = (standingBatches: number) =>
  testConfig({
    generator: { kind: 'mean-tracker' } as never,
    latentDim: 1,
    batchSize: 8,
    ema: { decay: 0.9, standingBatches },
  });

/** The average of K batch means of w ⊙ z, z drawn as standingStatistics draws them. */
function handAverage(w: number, seed: number, stream: string, batches: number, batchSize: number): number {
  const rng = new Rng(seed, stream);
  let sum = 0;
  for (let k = 0; k < batches; k++) {
    const zk = rng.normalTensor([batchSize, 1]);
    sum += (zk.dataSync() as Float32Array).reduce((a, v) => a + w * v, 0) / batchSize;
    zk.dispose();
  }
  return sum / batches;
}

describe('standingStatistics', () => {
  it('returns the plain average of K batches’ statistics, whatever the start state', () => {
    const g = meanTracker(1, new Rng(1, 'init'));
    const w = g.params.w.dataSync()[0];
    const params: ParamTree = { w: tf.tensor1d([2 * w]) };
    const before = tf.memory().numTensors;
    const state = standingStatistics(g, { params, batches: 3, batchSize: 4, rng: new Rng(9, 's') });
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(state['bn/movingMean'].dataSync()[0]).toBeCloseTo(handAverage(2 * w, 9, 's', 3, 4), 5);
    // The generator's own running mean (5, far from the average) is neither used nor touched.
    expect(g.state['bn/movingMean'].dataSync()[0]).toBe(5);
    state['bn/movingMean'].dispose();
    params.w.dispose();
    g.dispose();
  });

  it('refuses a batch count below 1', () => {
    const g = meanTracker(1, new Rng(1, 'init'));
    expect(() => standingStatistics(g, { params: g.params, batches: 0, batchSize: 4, rng: new Rng(1) })).toThrow(
      /batches must be an integer ≥ 1, got 0/,
    );
    g.dispose();
  });
});

describe('ema.standingBatches in a GAN', () => {
  it('samples the averaged generator with standing statistics, recomputed after each update', async () => {
    const gan = await createGan(config(4), { plugins });
    await gan.fit({ steps: 5 });
    const wEma = gan.ema!.params.w.dataSync()[0];
    const expected = handAverage(wEma, 3, 'ema-standing-statistics', 4, 8);
    const state = gan.emaState()!;
    expect(state['bn/movingMean'].dataSync()[0]).toBeCloseTo(expected, 5);
    expect(gan.emaState()).toBe(state); // cached until the next update
    const noise = tf.tensor2d([[0], [1]]);
    const ema = gan.sample({ n: 2, noise });
    expect(Array.from(ema.dataSync())).toEqual([
      expect.closeTo(expected, 5),
      expect.closeTo(wEma + expected, 5),
    ]);
    // The raw weights keep the generator's own running mean.
    const raw = gan.sample({ n: 2, noise, weights: 'raw' });
    expect(raw.dataSync()[0]).toBeCloseTo(gan.generator.state['bn/movingMean'].dataSync()[0], 6);
    gan.step();
    expect(gan.emaState()).not.toBe(state);
    expect(state['bn/movingMean'].isDisposed).toBe(true);
    for (const t of [noise, ema, raw]) t.dispose();
    gan.dispose();
  });

  it('is off at 0 (the default), leaves training unchanged, and does not leak', async () => {
    const off = await createGan(config(0), { plugins });
    expect(off.ema!.settings.standingBatches).toBe(0);
    expect(off.emaState()).toBeUndefined();
    const on = await createGan(config(2), { plugins });
    await off.fit({ steps: 6 });
    await on.fit({ steps: 3 });
    on.sample({ n: 3 }).dispose(); // standing statistics drawn mid-run …
    await on.fit({ steps: 3 });
    // … from a stream of their own: the trained weights are those of the run without them.
    expect(on.generator.params.w.dataSync()[0]).toBe(off.generator.params.w.dataSync()[0]);
    await expectNoTensorLeak(() => {
      on.step();
      on.sample({ n: 4 }).dispose();
    });
    off.dispose();
    const before = tf.memory().numTensors;
    on.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  });
});
