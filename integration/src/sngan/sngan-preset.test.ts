// The `sngan` preset of @ganforge/models with the real `hinge` loss of @ganforge/losses: what a
// config resolves to for an mlp and a dcgan discriminator, that user values win and a
// discriminator already spectrally normalized is not wrapped again, and that a short seeded run
// is finite and leaks no tensor.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createGan,
  createGanContainer,
  getRegistry,
  installGradientFixes,
  resolveConfig,
  type GanConfig,
} from '@ganforge/core';
import { expectNoTensorLeak, inMemoryData } from '@ganforge/core/testing';
import { dataPlugin } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin, SPECTRAL_NORM_STATE_PREFIX, SpectralNormDiscriminator } from '@ganforge/models';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

const plugins = [lossesPlugin(), modelsPlugin(), dataPlugin()];
const registry = () => getRegistry(createGanContainer(plugins));
const adam = { kind: 'adam', lr: 2e-4, beta1: 0, beta2: 0.9, epsilon: 1e-8 };

function config(overrides: Partial<GanConfig> = {}): GanConfig {
  return {
    seed: 3,
    backend: 'cpu',
    preset: 'sngan',
    data: { kind: 'ring' },
    generator: { kind: 'mlp', hidden: [16], outputActivation: 'linear' },
    discriminator: { kind: 'mlp', hidden: [16] },
    latentDim: 2,
    ...overrides,
  };
}

describe('preset sngan × losses × models: resolution', () => {
  it.each<[string, GanConfig['discriminator']]>([
    ['mlp', { kind: 'mlp', hidden: [16] }],
    ['dcgan', { kind: 'dcgan', width: 4 }],
  ])('%s D: hinge loss, spectral-norm around D, Adam 2e-4 β 0/0.9, 5 D steps, batch 64', (_, d) => {
    const resolved = resolveConfig(config({ discriminator: d }), registry());
    expect(resolved.loss).toEqual({ kind: 'hinge' });
    expect(resolved.discriminator).toEqual({
      kind: 'spectral-norm',
      powerIterations: 1,
      epsilon: 1e-12,
      inner: expect.objectContaining(d),
    });
    expect(resolved.trainer).toEqual({ kind: 'default', dSteps: 5 });
    expect(resolved.optimizers.generator).toMatchObject(adam);
    expect(resolved.optimizers.discriminator).toMatchObject(adam);
    expect(resolved.batchSize).toBe(64);
    expect(resolved.regularizers).toEqual([]);
    expect(resolved.sources).toMatchObject({
      discriminator: 'preset:sngan',
      loss: 'preset:sngan',
      'trainer.dSteps': 'preset:sngan',
      'optimizers.discriminator.lr': 'preset:sngan',
      'optimizers.discriminator.epsilon': 'core',
      batchSize: 'preset:sngan',
    });
  });

  it('user values win over the preset', () => {
    const resolved = resolveConfig(
      config({
        loss: { kind: 'non-saturating' },
        trainer: { dSteps: 1 },
        optimizers: { generator: { lr: 1e-4 }, discriminator: { beta1: 0.5, beta2: 0.999 } },
        batchSize: 32,
      }),
      registry(),
    );
    expect(resolved.loss.kind).toBe('non-saturating');
    expect(resolved.trainer.dSteps).toBe(1);
    expect(resolved.optimizers.generator).toMatchObject({ lr: 1e-4, beta1: 0, beta2: 0.9 });
    expect(resolved.optimizers.discriminator).toMatchObject({ lr: 2e-4, beta1: 0.5, beta2: 0.999 });
    expect(resolved.batchSize).toBe(32);
    expect(resolved.sources).toMatchObject({
      loss: 'user',
      'trainer.dSteps': 'user',
      'optimizers.generator.lr': 'user',
      'optimizers.generator.beta1': 'preset:sngan',
      batchSize: 'user',
    });
  });

  it("keeps a discriminator the user already wrapped in spectral-norm, with the user's options", async () => {
    const own: GanConfig['discriminator'] = {
      kind: 'spectral-norm',
      powerIterations: 2,
      inner: { kind: 'mlp', hidden: [16] },
    };
    const resolved = resolveConfig(config({ discriminator: own }), registry());
    expect(resolved.discriminator).toEqual({ ...own, epsilon: 1e-12 });
    expect(resolved.sources.discriminator).toBe('user');

    const gan = await createGan(config({ discriminator: own }), { plugins, selectBackend: false });
    const d = gan.discriminator as SpectralNormDiscriminator;
    expect(d).toBeInstanceOf(SpectralNormDiscriminator);
    expect(d.inner).not.toBeInstanceOf(SpectralNormDiscriminator);
    // One u vector per kernel: 'spectral-norm/layers/0/kernel/u' and the output layer's, no
    // 'spectral-norm/spectral-norm/…' of a second wrapper.
    const uKeys = Object.keys(d.state).filter((k) => k.startsWith(SPECTRAL_NORM_STATE_PREFIX));
    expect(uKeys.sort()).toEqual(['spectral-norm/layers/0/kernel/u', 'spectral-norm/layers/2/kernel/u']);
    gan.dispose();
  });

  it('builds a spectrally normalized dcgan discriminator: one u per conv and dense kernel', async () => {
    const gan = await createGan(
      config({
        generator: { kind: 'dcgan', width: 4 },
        discriminator: { kind: 'dcgan', width: 4, batchNorm: false },
      }),
      { plugins, selectBackend: false, data: inMemoryData(new Float32Array(4 * 64), [8, 8, 1]) },
    );
    const d = gan.discriminator as SpectralNormDiscriminator;
    expect(d).toBeInstanceOf(SpectralNormDiscriminator);
    const kernels = Object.keys(d.params).filter((k) => k.endsWith('/kernel'));
    const uKeys = Object.keys(d.state).filter((k) => k.startsWith(SPECTRAL_NORM_STATE_PREFIX));
    expect(kernels.length).toBeGreaterThanOrEqual(2);
    expect(uKeys.sort()).toEqual(kernels.map((k) => `${SPECTRAL_NORM_STATE_PREFIX}${k}/u`).sort());
    gan.dispose();
  });
});

describe('preset sngan: training (cpu, seeded)', () => {
  it('120 steps of 5 hinge D steps are finite, keep σ(W̄) ≈ 1 and leak no tensor', async () => {
    const gan = await createGan(config({ batchSize: 16 }), { plugins, selectBackend: false });
    const losses: number[] = [];
    await expectNoTensorLeak(() => {
      const logs = gan.step();
      losses.push(logs.d_loss, logs.g_loss);
    });
    expect(gan.stepCount).toBe(120);
    expect(losses.every(Number.isFinite)).toBe(true);
    // After 600 power iterations, u has converged: the normalized output kernel has σ ≈ 1, so
    // the raw kernel's largest singular value is what the wrapper divides by.
    const d = gan.discriminator as SpectralNormDiscriminator;
    const kernel = d.params['layers/0/kernel'];
    const u = d.state['spectral-norm/layers/0/kernel/u'];
    const sigmaFromU = tf.tidy(() => tf.norm(tf.matMul(kernel, tf.reshape(u, [-1, 1]))).dataSync()[0]);
    const sigmaTrue = largestSingularValue(kernel);
    expect(Math.abs(sigmaFromU - sigmaTrue) / sigmaTrue).toBeLessThan(1e-2);
    gan.dispose();
  }, 60_000);
});

/** σ_max(W) by many power iterations on WᵀW (a check independent of the wrapper's u). */
function largestSingularValue(w: tf.Tensor): number {
  return tf.tidy(() => {
    const m = w as tf.Tensor2D;
    let v = tf.ones([m.shape[1], 1]);
    for (let i = 0; i < 500; i++) {
      const next = tf.matMul(m, tf.matMul(m, v), true);
      v = tf.div(next, tf.norm(next));
    }
    return tf.norm(tf.matMul(m, v)).dataSync()[0];
  });
}
