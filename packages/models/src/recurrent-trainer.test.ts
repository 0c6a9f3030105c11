import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  createGan,
  defineComponent,
  GAN_COMPONENT,
  Rng,
  type Gan,
  type GanConfig,
  type GanPlugin,
} from '@ganforge/core';
import { expectNoTensorLeak, testingPlugin } from '@ganforge/core/testing';
import { z } from 'zod';
import { modelsPlugin } from './plugin.js';
import { RecurrentGenerator } from './networks/recurrent-generator.js';
import { snapshot } from './test-utils.js';

// The rnn networks in core's adversarial trainer, with core's testing loss: sequence samples
// [8 steps, 2 channels] of noisy sines, unlabelled (testing-table) and labelled (a source defined
// here: the label is the sine's frequency, one-hot, so the trainer passes it as `cond`).

const WINDOW = 8;

function sines(n: number, labels: number[]): number[] {
  const rng = new Rng(5, 'sines');
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const phase = rng.next() * 2 * Math.PI;
    for (let t = 0; t < WINDOW; t++) {
      const v = Math.sin(phase + (t * (labels[i] + 1) * Math.PI) / 4);
      out.push(0.8 * v, 0.8 * Math.cos(phase + t / 2));
    }
  }
  return out;
}

/** A plugin with data `labelled-sines`: 16 windows, 2 classes. */
function labelledSinesPlugin(): GanPlugin {
  const labels = Array.from({ length: 16 }, (_, i) => i % 2);
  const values = sines(16, labels);
  return {
    name: 'labelled-sines',
    register(container) {
      container.register(GAN_COMPONENT, {
        useValue: defineComponent({
          kind: 'data',
          name: 'labelled-sines',
          description: 'Sine windows labelled by frequency (tests only).',
          options: z.strictObject({}),
          create: () => ({
            sampleShape: [WINDOW, 2],
            numClasses: 2,
            sampler: (rng: Rng) => ({
              next: (batch: number) => {
                const rows = Array.from({ length: batch }, () => rng.int(labels.length));
                const x = rows.flatMap((r) => values.slice(r * 2 * WINDOW, (r + 1) * 2 * WINDOW));
                const classes = rows.map((r) => labels[r]);
                return {
                  x: tf.tensor3d(x, [batch, WINDOW, 2]),
                  labels: tf.tidy(() => tf.oneHot(tf.tensor1d(classes, 'int32'), 2).toFloat()),
                };
              },
              state: () => ({}),
              restore: () => undefined,
            }),
          }),
        }),
      });
    },
  };
}

async function gan(
  generator: GanConfig['generator'],
  discriminator: GanConfig['discriminator'],
  labelled = false,
): Promise<Gan> {
  const data: GanConfig['data'] = labelled
    ? ({ kind: 'labelled-sines' } as unknown as GanConfig['data'])
    : { kind: 'testing-table', values: sines(16, new Array(16).fill(0)), sampleShape: [WINDOW, 2] };
  return createGan(
    {
      seed: 1,
      backend: 'cpu',
      data,
      generator,
      discriminator,
      loss: { kind: 'testing-non-saturating' },
      latentDim: 2 * WINDOW,
      batchSize: 8,
    },
    { plugins: [modelsPlugin(), testingPlugin(), labelledSinesPlugin()] },
  );
}

describe("rnn networks in core's adversarial trainer (cpu)", () => {
  it('GRU G and LSTM D train: every parameter moves, no tensor leak (steps 20, 70, 120)', async () => {
    const g = await gan(
      { kind: 'rnn', cell: 'gru', hidden: [8] },
      { kind: 'rnn', cell: 'lstm', hidden: [8], pooling: 'mean' },
    );
    expect(g.generator).toBeInstanceOf(RecurrentGenerator);
    const before = { g: snapshot(g.generator.params), d: snapshot(g.discriminator.params) };
    const first = g.step();
    const started = performance.now();
    const { counts } = await expectNoTensorLeak(() => g.step());
    const ms = (performance.now() - started) / 120;
    const last = g.step();
    console.log(
      `rnn GAN (hidden 8, window ${WINDOW}, batch 8) on cpu: ${ms.toFixed(1)} ms/step; tensors ${JSON.stringify(counts)}; ` +
        `d_loss ${first.d_loss.toFixed(4)} → ${last.d_loss.toFixed(4)}`,
    );
    expect(Number.isFinite(last.d_loss) && Number.isFinite(last.g_loss)).toBe(true);
    for (const [net, start] of [
      ['generator', before.g],
      ['discriminator', before.d],
    ] as const) {
      const after = snapshot(g[net].params);
      const still = Object.keys(start).filter((k) => start[k].every((v, i) => v === after[k][i]));
      expect(still, `${net} params that did not move`).toEqual([]);
    }
    const samples = g.sample({ n: 3 });
    expect(samples.shape).toEqual([3, WINDOW, 2]);
    samples.dispose();
    g.dispose();
  });

  it('labelled data: the labels reach both networks as a per-step condition; no tensor leak', async () => {
    const g = await gan(
      { kind: 'rnn', cell: 'lstm', hidden: [6], forgetBias: 1 },
      { kind: 'rnn', hidden: [6] },
      true,
    );
    expect((g.generator as RecurrentGenerator).settings.condDim).toBe(2);
    expect(g.discriminator.params['layers/0/kernel'].shape).toEqual([2 + 2, 18]);
    await expectNoTensorLeak(() => g.step(), { checkpoints: [10, 20, 30] });
    const z = new Rng(3).normalTensor([2, 2 * WINDOW]);
    const a = g.sample({ n: 2, noise: z, labels: [0, 0] });
    const b = g.sample({ n: 2, noise: z, labels: [1, 1] });
    expect(tf.sum(tf.abs(tf.sub(a, b))).dataSync()[0]).toBeGreaterThan(1e-3);
    tf.dispose([z, a, b]);
    g.dispose();
  });
});
