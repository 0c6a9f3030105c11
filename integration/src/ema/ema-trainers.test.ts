// The generator EMA under every trainer (core's default, the unrolled plugin's, the wgan-gp preset's
// critic steps) with the models package's batch-norm generator: the average follows its formula
// after each step, samples and metrics come from it with G's own batch-norm statistics, exported
// generators carry it, and a checkpoint resumes it bit for bit.
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGan, installGradientFixes, type Gan, type GanConfig, type ParamTree } from '@ganforge/core';
import { loadGeneratorDir, saveGenerator } from '@ganforge/core/node';
import { dataPlugin } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { unrolledPlugin } from '@ganforge/plugin-unrolled';
import { wganPlugin } from '@ganforge/plugin-wgan';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

const plugins = [lossesPlugin(), modelsPlugin(), dataPlugin(), wganPlugin(), unrolledPlugin()];

function config(overrides: Partial<GanConfig>): GanConfig {
  return {
    seed: 5,
    backend: 'cpu',
    data: { kind: 'ring', sigma: 0.05 },
    generator: { kind: 'mlp', hidden: [16], normalization: 'batch-norm', outputActivation: 'linear' },
    discriminator: { kind: 'mlp', hidden: [16], activation: 'tanh' },
    latentDim: 2,
    batchSize: 16,
    ema: { decay: 0.8, startStep: 2 },
    ...overrides,
  };
}

const TRAINERS: [string, Partial<GanConfig>][] = [
  ['default', {}],
  ['unrolled', { trainer: { kind: 'unrolled', unrollSteps: 2 } }],
  ['wgan-gp preset', { preset: 'wgan-gp', trainer: { dSteps: 2 } }],
];

const read = (tree: ParamTree): Record<string, number[]> =>
  Object.fromEntries(Object.entries(tree).map(([k, t]) => [k, Array.from(t.dataSync())]));
const flat = (t: tf.Tensor) => Array.from(t.dataSync());

describe('generator EMA under every trainer', () => {
  for (const [name, overrides] of TRAINERS) {
    it(`${name}: averages after each step and generates from θ_ema with G's batch-norm state`, async () => {
      const gan = await createGan(config(overrides), { plugins });
      expect(Object.keys(gan.generator.state).length).toBeGreaterThan(0);
      for (let t = 1; t <= 2; t++) gan.step();
      expect(read(gan.ema!.params)).toEqual(read({ ...gan.generator.params }));
      const before = read(gan.ema!.params);
      gan.step();
      const theta = read({ ...gan.generator.params });
      for (const [path, values] of Object.entries(read(gan.ema!.params)))
        values.forEach((v, i) => expect(v).toBeCloseTo(0.8 * before[path][i] + 0.2 * theta[path][i], 5));

      const ctx = gan.metricContext();
      const state = ctx.rng.state();
      const fromMetrics = ctx.generate(32);
      ctx.rng.restore(state);
      const z = ctx.rng.normalTensor([32, 2]);
      const expected = tf.tidy(
        () => gan.generator.generate(z, { training: false, params: gan.ema!.params }).x,
      );
      const raw = tf.tidy(() => gan.generator.generate(z, { training: false }).x);
      expect(flat(fromMetrics)).toEqual(flat(expected));
      expect(flat(fromMetrics)).not.toEqual(flat(raw));
      tf.dispose([fromMetrics, z, expected, raw]);
      gan.dispose();
    });
  }

  it('unrolled: a checkpoint carries the average and the resumed run is bit-identical', async () => {
    const o = TRAINERS[1][1];
    const full = await createGan(config(o), { plugins });
    await full.fit({ steps: 6 });
    const first = await createGan(config(o), { plugins });
    await first.fit({ steps: 3 });
    const files = await first.checkpointFiles();
    const resumed = await createGan(config(o), { plugins });
    await resumed.restoreCheckpointFiles(async (f) => files.get(f)!, 'memory');
    await resumed.fit({ steps: 3 });
    expect(read(resumed.ema!.params)).toEqual(read(full.ema!.params));
    expect(read({ ...resumed.generator.params, ...resumed.generator.state })).toEqual(
      read({ ...full.generator.params, ...full.generator.state }),
    );
    const [a, b] = [resumed.sampleFixed(), full.sampleFixed()];
    expect(flat(a)).toEqual(flat(b));
    tf.dispose([a, b]);
    for (const g of [full, first, resumed]) g.dispose();
  });

  it('an exported generator gives the EMA samples (saveGenerator/loadGeneratorDir)', async () => {
    const gan: Gan = await createGan(config({}), { plugins });
    await gan.fit({ steps: 5 });
    const dir = join(mkdtempSync(join(tmpdir(), 'gf-ema-export-')), 'generator');
    await saveGenerator(gan, dir);
    const loaded = await loadGeneratorDir(dir, plugins);
    expect(loaded.spec.weights).toBe('ema');
    const noise = tf.tidy(() => tf.randomNormal([8, 2], 0, 1, 'float32', 4));
    const [a, b, raw] = [
      loaded.sample({ n: 8, noise }),
      gan.sample({ n: 8, noise }),
      gan.sample({ n: 8, noise, weights: 'raw' }),
    ];
    expect(flat(a)).toEqual(flat(b));
    expect(flat(a)).not.toEqual(flat(raw));
    tf.dispose([noise, a, b, raw]);
    loaded.dispose();
    gan.dispose();
  });
});
