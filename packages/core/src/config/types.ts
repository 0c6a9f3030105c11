/**
 * Config types. The option maps grow by declaration merging, so importing a plugin makes its
 * options type-checked (unified style):
 *
 * ```ts
 * declare module '@ganforge/core' {
 *   interface RegularizerOptionsMap { 'gradient-penalty': GradientPenaltyOptions }
 * }
 * ```
 */

import type { EmaSettings } from '../ema/ema-update.js';

/** Options of each `loss` component, by name. Plugins augment it. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LossOptionsMap {}
/** Options of each `regularizer` component, by name. Plugins augment it. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RegularizerOptionsMap {}
/** Options of each `hook` component, by name. Plugins augment it. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface HookOptionsMap {}
/** Options of each `generator` component, by name. Plugins augment it. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface GeneratorOptionsMap {}
/** Options of each `discriminator` component, by name. Plugins augment it. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DiscriminatorOptionsMap {}
/** Options of each `data` component, by name. Plugins augment it. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DataOptionsMap {}
/** Options of each `metric` component, by name. Plugins augment it. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MetricOptionsMap {}
/** Options of each `preset` component, by name. Plugins augment it. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PresetOptionsMap {}
/** Options of each `augment` component, by name. Plugins augment it. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AugmentOptionsMap {}
/** Options of each `trainer` component, by name (core registers `default`). */
export interface TrainerOptionsMap {
  default: { dSteps?: number };
}

/** A config block naming a component by `kind`, with that component's options. */
export type Block<M> = [keyof M] extends [never]
  ? { kind: string; [option: string]: unknown }
  : { [K in keyof M]: { kind: K } & M[K] }[keyof M];

/** A block with no known option types (used after validation). */
export interface ComponentBlock {
  kind: string;
  [option: string]: unknown;
}

/** Optimizer settings of one network. */
export interface OptimizerSettings {
  /** `adam`, `sgd` or `rmsprop` (or a plugin's optimizer). */
  kind: string;
  /** Learning rate. */
  lr: number;
  /** Adam β₁. */
  beta1: number;
  /** Adam β₂. */
  beta2: number;
  /** Adam/RMSprop ε (GANForge's default 1e-8, as PyTorch; tfjs uses 1e-7). */
  epsilon: number;
  /** SGD momentum (and RMSprop momentum). */
  momentum: number;
  /** RMSprop decay ρ. */
  rho: number;
}

/** The config a user writes (JSON/YAML or TypeScript). Defaultable fields are optional. */
export interface GanConfig {
  /** Seed of every random stream of the run. */
  seed?: number;
  /** `auto`, `cpu`, `wasm`, `tensorflow` (tfjs-node), `webgl`, `webgpu`. */
  backend?: string;
  data: Block<DataOptionsMap>;
  /** A preset (e.g. `wgan-gp`) whose values apply under the user's. */
  preset?: keyof PresetOptionsMap extends never ? string : keyof PresetOptionsMap | string;
  generator: Block<GeneratorOptionsMap>;
  discriminator: Block<DiscriminatorOptionsMap>;
  loss?: Block<LossOptionsMap>;
  regularizers?: Block<RegularizerOptionsMap>[];
  hooks?: Block<HookOptionsMap>[];
  trainer?: Partial<Block<TrainerOptionsMap>> & { dSteps?: number };
  optimizers?: {
    generator?: Partial<OptimizerSettings>;
    discriminator?: Partial<OptimizerSettings>;
  };
  /** Size of the latent vector z (default 64). */
  latentDim?: number;
  /** Generator steps of a full run (default: the preset's, else 1000). */
  steps?: number;
  /** Batch size (default 64). */
  batchSize?: number;
  /** Checkpoint cadence in steps (0 = only at the end) and how many to keep. */
  checkpoint?: { every?: number; keep?: number };
  /** Log cadence in steps for metrics.jsonl and progress. */
  logEvery?: number;
  /** Metrics computed every `every` steps. */
  metrics?: (Block<MetricOptionsMap> & { every?: number })[];
  /**
   * The generator's exponential moving average (Yazıcı et al. 2019, arXiv:1806.04498): after
   * the generator update of step t, θ_ema ← θ if t ≤ `startStep`, else β·θ_ema + (1 − β)·θ with
   * β = `decay`. Sampling, metrics, pictures and exported generators then use θ_ema. Off when
   * absent; `{}` turns it on with the defaults (decay 0.999, startStep 0, standingBatches 0).
   * `standingBatches: K` recomputes the averaged generator's batch-norm statistics from K noise
   * batches (standing statistics) instead of using the raw generator's.
   */
  ema?: Partial<EmaSettings>;
  /**
   * A differentiable augmentation of everything D sees in training (`diff-augment`, `ada` from
   * @ganforge/plugin-augment): one transform T per update, drawn from the run's `augment` stream,
   * applied to the real and the generated batch alike in D's and G's updates. Off when absent.
   */
  augment?: Block<AugmentOptionsMap>;
  /** Plugin package names (for the CLI, which imports them). */
  plugins?: string[];
}

/**
 * A config whose `preset` supplies the networks, so that `generator` and `discriminator` may be
 * left out: `{ data: { kind: 'table', path: 'penguins.csv' }, preset: 'gaussian-copula' }`
 * (@ganforge/plugin-ctgan). `createGan` takes it beside {@link GanConfig}; a preset that
 * supplies no network leaves the missing block a ConfigError.
 */
export type PresetNetworksConfig = Omit<GanConfig, 'generator' | 'discriminator' | 'preset'> & {
  preset: NonNullable<GanConfig['preset']>;
  generator?: GanConfig['generator'];
  discriminator?: GanConfig['discriminator'];
};

/** Where a resolved value came from. */
export type ValueSource = 'user' | `preset:${string}` | `component:${string}` | 'core';

/** A validated config with every defaultable value resolved. */
export interface ResolvedConfig {
  seed: number;
  backend: string;
  data: ComponentBlock;
  preset?: string;
  generator: ComponentBlock;
  discriminator: ComponentBlock;
  loss: ComponentBlock;
  regularizers: ComponentBlock[];
  hooks: ComponentBlock[];
  trainer: { kind: string; dSteps: number; [option: string]: unknown };
  optimizers: { generator: OptimizerSettings; discriminator: OptimizerSettings };
  latentDim: number;
  steps: number;
  batchSize: number;
  checkpoint: { every: number; keep: number };
  logEvery: number;
  metrics: (ComponentBlock & { every: number })[];
  /** The generator EMA's settings; absent when EMA is off. */
  ema?: EmaSettings;
  /** The `augment` block; absent when augmentation is off. */
  augment?: ComponentBlock;
  plugins: string[];
  /** The source of each defaultable value by dotted path, e.g. `trainer.dSteps → preset:wgan-gp`. */
  sources: Record<string, ValueSource>;
}
