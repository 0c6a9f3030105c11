import type { EmaSettings } from '../ema/ema-update.js';
import type { OptimizerSettings } from './types.js';

/** Core's default optimizer settings (Adam as in DCGAN, Radford et al. 2015, arXiv:1511.06434). */
export const CORE_OPTIMIZER_DEFAULTS: Readonly<OptimizerSettings> = Object.freeze({
  kind: 'adam',
  lr: 2e-4,
  beta1: 0.5,
  beta2: 0.999,
  /** 1e-8 as in PyTorch and the Adam paper; tfjs' own default is 1e-7. */
  epsilon: 1e-8,
  momentum: 0,
  rho: 0.9,
});

/**
 * The last layer of config resolution (user > preset > component > core). Everything a user may
 * leave out has a value here; `data`, `generator` and `discriminator` have none.
 */
export const CORE_DEFAULTS = Object.freeze({
  seed: 0,
  backend: 'auto',
  loss: Object.freeze({ kind: 'non-saturating' }),
  regularizers: Object.freeze([]) as readonly never[],
  hooks: Object.freeze([]) as readonly never[],
  trainer: Object.freeze({ kind: 'default', dSteps: 1 }),
  optimizers: Object.freeze({ generator: CORE_OPTIMIZER_DEFAULTS, discriminator: CORE_OPTIMIZER_DEFAULTS }),
  latentDim: 64,
  steps: 1000,
  batchSize: 64,
  /** `every: 0` checkpoints only at the end of a run. */
  checkpoint: Object.freeze({ every: 0, keep: 3 }),
  logEvery: 10,
  /** A metric's `every: 0` computes it only at the end of a run. */
  metricEvery: 0,
  plugins: Object.freeze([]) as readonly never[],
});

/**
 * Values of an `ema` block's missing fields: decay β = 0.999 (StudioGAN's and BigGAN's 0.9999
 * suits runs of 100k+ steps; 0.999 averages over about the last 1,000 steps) and startStep 0 (average
 * from the first step on). EMA itself is off unless the config has an `ema` block.
 */
export const CORE_EMA_DEFAULTS: Readonly<EmaSettings> = Object.freeze({
  decay: 0.999,
  startStep: 0,
  standingBatches: 0,
});
