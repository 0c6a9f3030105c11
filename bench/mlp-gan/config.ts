import type { GanConfig } from '@ganforge/core';

function realBatch(): number[] {
  const rng = Array.from({ length: 64 * 784 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453);
  return rng.map((v) => 2 * (v - Math.floor(v)) - 1);
}

/** BENCHMARKS.md §1's MLP GAN as a GANForge config (data: one fixed random batch in [-1, 1]). */
export function mlpGanConfig(backend: string): GanConfig {
  return {
    seed: 0,
    backend,
    // One fixed random batch in [-1, 1] (the sampler draws rows of a 64-row table).
    data: { kind: 'testing-table', values: realBatch(), sampleShape: [784] },
    loss: { kind: 'non-saturating' },
    generator: {
      kind: 'mlp',
      hidden: [256, 256],
      activation: 'leaky-relu',
      leakyReluAlpha: 0.2,
      outputActivation: 'tanh',
    },
    discriminator: { kind: 'mlp', hidden: [256, 256], activation: 'leaky-relu', leakyReluAlpha: 0.2 },
    optimizers: {
      generator: { kind: 'adam', lr: 2e-4, beta1: 0.5, beta2: 0.999 },
      discriminator: { kind: 'adam', lr: 2e-4, beta1: 0.5, beta2: 0.999 },
    },
    trainer: { dSteps: 1 },
    latentDim: 64,
    batchSize: 64,
  };
}
