// The DCGAN MNIST step that bench/dcgan measures and profiles (models' `dcgan` G and D, the
// example config's optimizers), shared by main.ts and profile.ts so both time the same thing.
import type { BackendName, GanConfig } from '@ganforge/core';

/** The benchmarked DCGAN config on `backend` (latent 100 as in the PyTorch reference). */
export function dcganConfig(backend: BackendName, width: number, batchSize: number): GanConfig {
  return {
    seed: 1,
    backend,
    data: { kind: 'mnist' },
    loss: { kind: 'non-saturating' },
    generator: { kind: 'dcgan', width },
    discriminator: { kind: 'dcgan', width },
    optimizers: { generator: { lr: 2e-4, beta1: 0.5 }, discriminator: { lr: 2e-4, beta1: 0.5 } },
    latentDim: 100,
    batchSize,
  };
}
