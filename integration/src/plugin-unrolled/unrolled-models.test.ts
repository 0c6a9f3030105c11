// plugin-unrolled with @ganforge/models' networks: K = 0 is the default trainer bit for bit with
// batch norm and dropout in D (the unrolled loss log must not move the dropout stream), spectral
// norm state threads through the unroll without being written back, a wrapped tf.LayersModel is
// refused, and the unrolled gradient through a conv discriminator matches finite differences.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConfigError,
  GAN_COMPONENT,
  Rng,
  adam,
  createGan,
  defineComponent,
  installGradientFixes,
  type Batch,
  type DiscriminatorScores,
  type Gan,
  type GanConfig,
  type GanPlugin,
  type LossContext,
  type ParamTree,
} from '@ganforge/core';
import { checkGradient, expectNoTensorLeak, relativeError } from '@ganforge/core/testing';
import { dataPlugin } from '@ganforge/data';
import { lossesPlugin, nonSaturatingLoss } from '@ganforge/losses';
import {
  SequentialDiscriminator,
  activationLayer,
  conv2d,
  dense,
  flatten,
  fromLayersModel,
  mlpGenerator,
  modelsPlugin,
} from '@ganforge/models';
import {
  releaseUnrolled,
  unrollDiscriminator,
  unrolledPlugin,
  type DiscriminatorTrees,
} from '@ganforge/plugin-unrolled';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

/** A discriminator component around a tf.LayersModel (supportsSubstituteParams: false). */
function layersModelPlugin(): GanPlugin {
  return {
    name: 'unrolled integration layers-model',
    register(container) {
      container.register(GAN_COMPONENT, {
        useValue: defineComponent({
          kind: 'discriminator',
          name: 'test-layers-model',
          description: 'a wrapped tf.LayersModel (tests)',
          options: z.strictObject({}),
          create: (_o, ctx) => {
            const model = tf.sequential({
              layers: [tf.layers.dense({ inputShape: [...ctx.sampleShape], units: 1 })],
            });
            return fromLayersModel(model, 'discriminator');
          },
        }),
      });
    },
  };
}

/** Config block of the test's LayersModel discriminator (not in the typed option maps). */
const layersModelBlock = { kind: 'test-layers-model' } as unknown as GanConfig['discriminator'];

const plugins = [lossesPlugin(), modelsPlugin(), dataPlugin(), layersModelPlugin(), unrolledPlugin()];

function config(overrides: Partial<GanConfig>): GanConfig {
  return {
    seed: 4,
    backend: 'cpu',
    data: { kind: 'ring', sigma: 0.05 },
    generator: {
      kind: 'mlp',
      hidden: [16],
      activation: 'relu',
      outputActivation: 'linear',
      normalization: 'batch-norm',
    },
    discriminator: {
      kind: 'mlp',
      hidden: [16, 16],
      activation: 'leaky-relu',
      normalization: 'batch-norm',
      dropout: 0.2,
    },
    loss: { kind: 'non-saturating' },
    latentDim: 2,
    batchSize: 32,
    ...overrides,
  };
}

function everything(gan: Gan): Record<string, number[]> {
  const trees: Record<string, ParamTree> = {
    g: gan.generator.params,
    gState: gan.generator.state,
    d: gan.discriminator.params,
    dState: gan.discriminator.state,
    ...gan.trainer.getState().tensors,
  };
  const out: Record<string, number[]> = {};
  for (const [group, tree] of Object.entries(trees))
    for (const [p, t] of Object.entries(tree)) out[`${group}/${p}`] = Array.from(t.dataSync());
  return out;
}

describe('plugin-unrolled with @ganforge/models', () => {
  for (const [name, discriminator] of [
    ['mlp D with batch norm and dropout', undefined],
    [
      'spectral-norm(mlp) D',
      { kind: 'spectral-norm', inner: { kind: 'mlp', hidden: [16], activation: 'tanh' } },
    ],
  ] as const) {
    it(`${name}: K = 0 reproduces the default trainer bit for bit after 10 steps`, async () => {
      const overrides = discriminator ? { discriminator } : {};
      const ours = await createGan(
        config({ ...overrides, trainer: { kind: 'unrolled', unrollSteps: 0, dSteps: 2 } }),
        { plugins },
      );
      const theirs = await createGan(config({ ...overrides, trainer: { kind: 'default', dSteps: 2 } }), {
        plugins,
      });
      for (let i = 0; i < 10; i++) {
        const { step_time_ms: _a, unrolled_d_loss: _u, ...a } = ours.step();
        const { step_time_ms: _b, ...b } = theirs.step();
        expect(a).toEqual(b);
      }
      const [x, y] = [everything(ours), everything(theirs)];
      expect(Object.keys(x).sort()).toEqual(Object.keys(y).sort());
      for (const key of Object.keys(y)) expect(x[key], key).toEqual(y[key]);
      ours.dispose();
      theirs.dispose();
    });
  }

  it("spectral-norm D, K = 2: D's u vectors are not written by the unroll, and nothing leaks", async () => {
    const gan = await createGan(
      config({
        discriminator: { kind: 'spectral-norm', inner: { kind: 'mlp', hidden: [8], activation: 'tanh' } },
        generator: { kind: 'mlp', hidden: [8], activation: 'tanh', outputActivation: 'linear' },
        trainer: { kind: 'unrolled', unrollSteps: 2 },
        batchSize: 16,
      }),
      { plugins },
    );
    const twin = await createGan(
      config({
        discriminator: { kind: 'spectral-norm', inner: { kind: 'mlp', hidden: [8], activation: 'tanh' } },
        generator: { kind: 'mlp', hidden: [8], activation: 'tanh', outputActivation: 'linear' },
        trainer: { kind: 'unrolled', unrollSteps: 0 },
        batchSize: 16,
      }),
      { plugins },
    );
    // One step each from the same seed: the D update is the same code on the same draws, so D's
    // state afterwards is equal whatever the unroll did.
    gan.step();
    twin.step();
    const state = (g: Gan) =>
      Object.fromEntries(
        Object.entries(g.discriminator.state).map(([k, t]) => [k, Array.from(t.dataSync())]),
      );
    expect(Object.keys(gan.discriminator.state).length).toBeGreaterThan(0);
    expect(state(gan)).toEqual(state(twin));
    await expectNoTensorLeak(() => gan.step());
    gan.dispose();
    twin.dispose();
  });

  it('refuses a wrapped tf.LayersModel discriminator with a ConfigError naming the reason', async () => {
    await expect(
      createGan(config({ discriminator: layersModelBlock, trainer: { kind: 'unrolled' } }), {
        plugins,
      }),
    ).rejects.toThrow(ConfigError);
    await expect(
      createGan(config({ discriminator: layersModelBlock, trainer: { kind: 'unrolled' } }), {
        plugins,
      }),
    ).rejects.toThrow(/supportsSubstituteParams: false \(e\.g\. a wrapped tf\.LayersModel\)/);
  });

  it('conv discriminator (models conv2d, core conv gradients), Adam warmed 10 steps, K = 2: g₂ matches FD, g₁ does not', () => {
    const rng = new Rng(12, 'init');
    const sampleShape = [8, 8, 1];
    const g = mlpGenerator(
      { hidden: [6], activation: 'tanh', outputActivation: 'tanh' },
      { rng, latentDim: 3, sampleShape },
    );
    const d = new SequentialDiscriminator(
      [
        conv2d({ inChannels: 1, filters: 3, kernelSize: 3, strides: 2 }),
        activationLayer('tanh'),
        flatten(),
        dense(48, 1),
      ],
      sampleShape,
      rng,
    );
    const loss = nonSaturatingLoss();
    const optimizer = adam({ lr: 0.05, beta1: 0.5 });
    const data = new Rng(12, 'data');
    const real: Batch = { x: tf.tidy(() => tf.tanh(data.normalTensor([8, 8, 8, 1]))) };
    const z = data.normalTensor([8, 3]);
    const held: tf.Tensor[] = [];
    const context = (
      fake: tf.Tensor,
      gParams: ParamTree,
      trees: DiscriminatorTrees,
      realOut: () => DiscriminatorScores,
      fakeOut: DiscriminatorScores,
    ): LossContext => ({
      real,
      z,
      fake,
      get realOut() {
        return realOut();
      },
      fakeOut,
      d,
      dParams: trees.params,
      dState: trees.state,
      g,
      gParams,
      rng: data,
      step: 1,
    });
    const unroll = (
      fake: tf.Tensor,
      gParams: ParamTree,
      optimizerState: ParamTree,
      steps: number,
      firstOrder: boolean,
    ) => {
      const out = unrollDiscriminator({
        discriminator: d,
        loss,
        regularizers: [],
        hooks: [],
        optimizer,
        params: { ...d.params },
        state: { ...d.state },
        optimizerState,
        real,
        fake,
        context: (trees, realOut, fakeOut) => context(fake, gParams, trees, realOut, fakeOut),
        unrollSteps: steps,
        firstOrder,
        step: 1,
      });
      held.push(...out.held);
      return out;
    };
    // Warm Adam's moments with 10 real D updates.
    let optState = optimizer.init({ ...d.params });
    for (let i = 0; i < 10; i++) {
      const next = tf.tidy(() => {
        const out = unroll(g.generate(z, { training: true }).x, { ...g.params }, optState, 1, true);
        for (const [p, v] of Object.entries(d.params)) v.assign(out.params[p]);
        return out.optimizerState;
      });
      tf.dispose(Object.values(optState));
      optState = next;
    }
    const path = 'layers/0/kernel';
    const objective = (firstOrder: boolean) => (w: tf.Tensor) => {
      const gParams = { ...g.params, [path]: w };
      const fake = g.generate(z, { training: true, params: gParams }).x;
      const out = unroll(fake, gParams, optState, 2, firstOrder);
      const trees = { params: out.params, state: out.state };
      const fakeOut = d.forward(fake, { training: true, ...trees });
      return loss.generatorLoss(
        context(fake, gParams, trees, () => d.forward(real.x, { training: true, ...trees }), fakeOut),
      );
    };
    const w = g.params[path];
    const full = checkGradient(objective(false), w, { h: 4e-3 });
    const g1 = tf.tidy(() => tf.grad(objective(true))(w));
    const first = g1.dataSync();
    const firstError = relativeError(first, full.numeric);
    const gap = relativeError(first, full.analytic);
    console.info(
      `conv D, K = 2: ‖g₂−FD‖/‖FD‖ ${full.relativeError.toExponential(2)}, ‖g₁−FD‖/‖FD‖ ${firstError.toExponential(2)}, ‖g₂−g₁‖/‖g₂‖ ${gap.toFixed(3)}`,
    );
    expect(full.relativeError).toBeLessThan(1e-3);
    expect(firstError).toBeGreaterThan(1e-2);
    expect(gap).toBeGreaterThanOrEqual(0.1);
    releaseUnrolled(held);
    tf.dispose([g1, real.x, z, ...Object.values(optState)]);
    g.dispose();
    d.dispose();
  });
});
