// The variants bench/mixtures compares, each as a GANForge config over the same data and nets.
import type { GanConfig, GanPlugin } from '@ganforge/core';
import { ebganPlugin } from '@ganforge/plugin-ebgan';
import { minibatchPlugin } from '@ganforge/plugin-minibatch';
import { pacganPlugin } from '@ganforge/plugin-pacgan';
import { unrolledPlugin } from '@ganforge/plugin-unrolled';
import { wganPlugin } from '@ganforge/plugin-wgan';

/** One variant: its plugins, the config fields it changes, and its default generator-step budget. */
export interface Variant {
  plugins: () => GanPlugin[];
  /** Fields over the shared base (data, nets, latent 2, seed). */
  fields: Partial<GanConfig>;
  /** Default generator steps (the expensive variants get fewer: see docs/benchmarks.md). */
  steps: number;
  batchSize: number;
  /** One line for the table. */
  describe: string;
  /**
   * The same-net PyTorch twin's arguments (bench/mixtures/torch_mixtures.py: its variant and
   * hyperparameters; data, seed, steps and batch are added), where a twin exists.
   */
  twin?: readonly string[];
}

const relu128 = { kind: 'mlp' as const, hidden: [128, 128], activation: 'relu' as const };
const adamNs = {
  generator: { kind: 'adam', lr: 1e-3, beta1: 0.5, beta2: 0.999 },
  discriminator: { kind: 'adam', lr: 1e-3, beta1: 0.5, beta2: 0.999 },
} as const;

export const VARIANTS: Record<string, Variant> = {
  'non-saturating': {
    plugins: () => [],
    fields: { loss: { kind: 'non-saturating' }, discriminator: relu128, optimizers: adamNs },
    steps: 10_000,
    batchSize: 512,
    describe: 'NS loss, Adam 1e-3 β 0.5/0.999, 1 D step',
    twin: ['--variant', 'non-saturating', '--lr', '1e-3', '--beta1', '0.5', '--beta2', '0.999'],
  },
  'wgan-gp': {
    plugins: () => [wganPlugin()],
    fields: {
      preset: 'wgan-gp',
      regularizers: [{ kind: 'gradient-penalty', lambda: 0.1 }],
      discriminator: relu128,
    },
    steps: 10_000,
    batchSize: 256,
    describe: 'preset wgan-gp (5 critic steps, Adam 1e-4 β 0/0.9), GP λ 0.1',
    twin: [
      '--variant',
      'wgan-gp',
      '--lr',
      '1e-4',
      '--beta1',
      '0',
      '--beta2',
      '0.9',
      '--d-steps',
      '5',
      '--gp-lambda',
      '0.1',
    ],
  },
  unrolled: {
    plugins: () => [unrolledPlugin()],
    fields: {
      loss: { kind: 'non-saturating' },
      trainer: { kind: 'unrolled', unrollSteps: 5 },
      discriminator: relu128,
      optimizers: adamNs,
    },
    steps: 2_000,
    batchSize: 256,
    describe: 'NS loss, 5 unrolled D steps, Adam 1e-3 β 0.5',
  },
  minibatch: {
    plugins: () => [minibatchPlugin()],
    fields: {
      loss: { kind: 'non-saturating' },
      discriminator: { kind: 'minibatch-discrimination', body: relu128, B: 16, C: 5 },
      optimizers: adamNs,
      // Without the average of G's weights the samples jitter about the modes: 8 modes but 57–68 %
      // HQ at batch 64 or 512 (bench/results/mixtures/2026-12-07-*minibatch*.jsonl).
      ema: { decay: 0.999 },
    },
    // Its features compare every pair in the batch (O(N²·B·C)): 1.7 s/step at batch 512 on wasm.
    steps: 10_000,
    batchSize: 64,
    describe:
      'NS loss, minibatch discrimination B 16 C 5 (o averaged over the other samples), EMA of G 0.999, Adam 1e-3 β 0.5',
  },
  pacgan: {
    plugins: () => [pacganPlugin()],
    fields: {
      loss: { kind: 'non-saturating' },
      discriminator: { kind: 'pacgan', packing: 4, body: relu128 },
      optimizers: adamNs,
    },
    steps: 10_000,
    batchSize: 512,
    describe: 'NS loss, PacGAN4 (D on 4 packed samples, body 8→128→128→1), Adam 1e-3 β 0.5',
    twin: [
      '--variant',
      'non-saturating',
      '--packing',
      '4',
      '--lr',
      '1e-3',
      '--beta1',
      '0.5',
      '--beta2',
      '0.999',
    ],
  },
  ebgan: {
    plugins: () => [ebganPlugin()],
    fields: {
      loss: { kind: 'ebgan' },
      regularizers: [{ kind: 'pulling-away', weight: 0.1 }],
      discriminator: { kind: 'ebgan', body: 'mlp', hidden: [128], codeDim: 8, activation: 'relu' },
      optimizers: adamNs,
    },
    steps: 10_000,
    batchSize: 512,
    describe: 'margin loss (default m), PT 0.1, autoencoder D 2→128→8→128→2 (fan-in-uniform)',
  },
};
