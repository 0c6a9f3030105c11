import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adam } from '../optim/index.js';
import { createRngStreams, type RngStreams } from '../rng/streams.js';
import type { Rng } from '../rng/rng.js';
import { expectNoTensorLeak } from '../testing/expect-no-tensor-leak.js';
import { inMemoryData } from '../testing/in-memory-data.js';
import { testingL2Regularizer, testingNonSaturatingLoss } from '../testing/testing-components.js';
import { tinyMlpDiscriminator, tinyMlpGenerator } from '../testing/tiny-mlp.js';
import type { Augment, AugmentTransform } from '../types/augment.js';
import type { LossContext, Regularizer } from '../types/loss.js';
import type { ParamTree } from '../types/network.js';
import type { DiscriminatorUpdate, StatefulComponent } from '../types/stateful.js';
import { AdversarialTrainer } from './adversarial-trainer.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface Applied {
  draw: number;
  input: number[];
  output: number[];
}

/** x + o per sample, o ~ U[−1, 1) per sample: records every draw and every application. */
function recordingAugment(): Augment & { draws: number; applied: Applied[] } {
  const rec = {
    name: 'testing-offset',
    draws: 0,
    applied: [] as Applied[],
    draw(n: number, rng: Rng): AugmentTransform {
      const id = rec.draws++;
      const offsets = rng.uniformTensor([n, 1], -1, 1);
      return {
        batchSize: n,
        apply: (x: tf.Tensor) => {
          const y = tf.add(x, tf.reshape(offsets, [n, ...x.shape.slice(1).map(() => 1)]));
          rec.applied.push({ draw: id, input: Array.from(x.dataSync()), output: Array.from(y.dataSync()) });
          return y;
        },
      };
    },
    logs: () => ({ draws: tf.scalar(rec.draws) }),
  };
  return rec;
}

/** A D-side regularizer with state: counts D updates and sums the mean real score. */
function countingRegularizer(): Regularizer &
  StatefulComponent & { seen: DiscriminatorUpdate[]; tapes: unknown[] } {
  let state: ParamTree = { updates: tf.scalar(0), realSum: tf.scalar(0) };
  const reg = {
    name: 'testing-counter',
    target: 'discriminator' as const,
    weight: 0,
    seen: [] as DiscriminatorUpdate[],
    tapes: [] as unknown[],
    penalty: (_ctx: LossContext) => tf.scalar(0),
    getState: () => state,
    setState(next: ParamTree) {
      const copy = tf.tidy(() => ({ updates: next.updates.clone(), realSum: next.realSum.clone() }));
      reg.dispose();
      state = copy;
    },
    afterDiscriminatorUpdate(u: DiscriminatorUpdate) {
      reg.tapes.push((tf.engine().state as unknown as { activeTape: unknown }).activeTape ?? null);
      reg.seen.push({ ...u, realScores: u.realScores.clone(), fakeScores: u.fakeScores.clone() });
      const next = tf.tidy(() => ({
        updates: tf.add(state.updates, 1),
        realSum: tf.add(state.realSum, tf.mean(u.realScores)),
      }));
      reg.dispose();
      state = next;
    },
    dispose() {
      for (const t of Object.values(state)) t.dispose();
    },
  };
  return reg;
}

function build(streams: RngStreams, augment?: Augment, regularizers: Regularizer[] = [], dSteps = 1) {
  const g = tinyMlpGenerator(3, [2, 2, 1], streams.init, { hidden: [8] });
  const d = tinyMlpDiscriminator([2, 2, 1], streams.init, { hidden: [8] });
  const trainer = new AdversarialTrainer({
    generator: g,
    discriminator: d,
    loss: testingNonSaturatingLoss(),
    regularizers,
    hooks: [],
    generatorOptimizer: adam({ lr: 1e-3 }),
    discriminatorOptimizer: adam({ lr: 1e-3 }),
    dSteps,
    batchSize: 4,
    streams,
    augment,
  });
  const values = Array.from({ length: 40 }, (_, i) => (i % 7) / 7);
  return { g, d, trainer, sampler: inMemoryData(values, [2, 2, 1]).sampler(streams.data) };
}

describe('AdversarialTrainer with an augment component', () => {
  it('draws one transform per D update and per G update, applied to real and fake alike', () => {
    const augment = recordingAugment();
    const { trainer, sampler } = build(createRngStreams(1), augment, [], 2);
    const logs = trainer.step(sampler);
    // dSteps 2 + 1 generator update; the testing loss never reads ctx.realOut in the G update.
    expect(augment.draws).toBe(3);
    expect(augment.applied.map((a) => a.draw)).toEqual([0, 0, 1, 1, 2]);
    // Real and fake of one D update moved by the same per-sample offsets.
    for (const [a, b] of [
      [augment.applied[0], augment.applied[1]],
      [augment.applied[2], augment.applied[3]],
    ]) {
      const shiftA = a.output.map((v, i) => v - a.input[i]);
      const shiftB = b.output.map((v, i) => v - b.input[i]);
      for (let i = 0; i < shiftA.length; i++) expect(shiftB[i]).toBeCloseTo(shiftA[i], 5);
      expect(new Set(shiftA.map((v) => v.toFixed(5))).size).toBe(4);
    }
    expect(logs.augment_draws).toBe(2);
  });

  it('draws from the augment stream only: the other streams advance as without augmentation', () => {
    const withAug = createRngStreams(5);
    const without = createRngStreams(5);
    build(withAug, recordingAugment()).trainer.step(build(withAug).sampler);
    build(without).trainer.step(build(without).sampler);
    for (const name of ['init', 'data', 'noise', 'dropout', 'metrics'] as const)
      expect(withAug[name].state()).toEqual(without[name].state());
    expect(withAug.augment.state()).not.toEqual(without.augment.state());
  });

  it('scores D∘T: the losses see the augmented scores, with the un-augmented batches in ctx', () => {
    const contexts: LossContext[] = [];
    const spy: Regularizer = {
      name: 'spy',
      target: 'discriminator',
      weight: 0,
      penalty: (ctx) => {
        contexts.push(ctx);
        const direct = ctx.d.forward(ctx.real.x, { training: true, params: ctx.dParams });
        expect(Array.from(direct.score.dataSync())).toEqual(Array.from(ctx.realOut.score.dataSync()));
        return tf.scalar(0);
      },
    };
    const augment = recordingAugment();
    const { trainer, sampler } = build(createRngStreams(2), augment, [spy]);
    trainer.step(sampler);
    expect(contexts).toHaveLength(1);
    // ctx.real.x is the batch as drawn; the spy's own pass through ctx.d applied the same draw.
    expect(augment.applied[2].draw).toBe(0);
    expect(augment.applied[2].input).toEqual(augment.applied[0].input);
    expect(augment.applied[2].output).toEqual(augment.applied[0].output);
  });

  it('calls afterDiscriminatorUpdate once per D update, outside the tape, with that update’s scores', () => {
    const counter = countingRegularizer();
    const { trainer, sampler } = build(createRngStreams(3), recordingAugment(), [counter], 3);
    trainer.step(sampler);
    trainer.step(sampler);
    expect(counter.seen.map((u) => u.step)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(counter.tapes.every((t) => t === null)).toBe(true);
    for (const u of counter.seen) {
      expect(u.realScores.shape).toEqual([4, 1]);
      expect(u.fakeScores.shape).toEqual([4, 1]);
    }
    const expected = counter.seen.reduce((s, u) => s + tf.mean(u.realScores).dataSync()[0], 0);
    expect(counter.getState().updates.dataSync()[0]).toBe(6);
    expect(counter.getState().realSum.dataSync()[0]).toBeCloseTo(expected, 5);
    for (const u of counter.seen) tf.dispose([u.realScores, u.fakeScores]);
    counter.dispose();
  });

  it('does not leak tensors with augmentation, a stateful regularizer and a plain one', async () => {
    const counter = countingRegularizer();
    const { trainer, sampler } = build(createRngStreams(4), recordingAugment(), [
      counter,
      testingL2Regularizer('discriminator', 1e-3),
    ]);
    const augment = (trainer as unknown as { parts: { augment: { applied: Applied[] } } }).parts.augment;
    await expectNoTensorLeak(() => {
      augment.applied.length = 0;
      trainer.step(sampler);
      for (const u of counter.seen.splice(0)) tf.dispose([u.realScores, u.fakeScores]);
    });
    counter.dispose();
  });
});
