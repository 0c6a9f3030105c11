import type * as tf from '@tensorflow/tfjs';
import type { z } from 'zod';
import type { Rng } from '../rng/rng.js';
import type { Augment } from '../types/augment.js';
import type { DataSource } from '../types/data.js';
import type { ConfigDefaults, GanLoss, Hook, Regularizer } from '../types/loss.js';
import type { Discriminator, Generator } from '../types/network.js';
import type { Optimizer } from '../types/optimizer.js';
import type { Callback, Trainer } from '../types/trainer.js';
import type { RngStreams } from '../rng/streams.js';

/** The kinds of component a plugin can register. */
export const COMPONENT_KINDS = [
  'loss',
  'regularizer',
  'hook',
  'preset',
  'generator',
  'discriminator',
  'optimizer',
  'trainer',
  'data',
  'metric',
  'callback',
  'augment',
] as const;

/** One of {@link COMPONENT_KINDS}. */
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

/**
 * A partial run config a preset contributes (user values override it). A preset that names the
 * networks (`generator`, `discriminator`) and `steps` is a whole synthesizer in one config line:
 * `preset: gaussian-copula` (@ganforge/plugin-ctgan) supplies its fitted generator, the empty
 * `none` discriminator, the `fit-only` trainer and `steps: 1`.
 */
export interface PresetConfig {
  /** The generator block, used when the user's config has no `generator`. */
  generator?: { kind: string; [option: string]: unknown };
  /** The discriminator block, used when the user's config has no `discriminator`. */
  discriminator?: { kind: string; [option: string]: unknown };
  /** Steps of a full run (the user's `steps` wins). */
  steps?: number;
  loss?: { kind: string; [option: string]: unknown };
  regularizers?: { kind: string; [option: string]: unknown }[];
  hooks?: { kind: string; [option: string]: unknown }[];
  trainer?: { kind?: string; dSteps?: number; [option: string]: unknown };
  optimizers?: ConfigDefaults['optimizers'];
  batchSize?: number;
  /**
   * A discriminator wrapper block without its `inner` (e.g. `{ kind: 'spectral-norm' }` for
   * SNGAN): resolution puts the user's discriminator block inside it as `inner`, unless that
   * block already holds a block of the wrapper's kind at any depth (then the user's block is
   * kept as written). The wrapper component must take the wrapped block as `inner`.
   */
  discriminatorWrapper?: { kind: string; [option: string]: unknown };
  /**
   * A data wrapper block without its `inner` (e.g. `{ kind: 'training-by-sampling' }` for
   * CTGAN): resolution puts the user's data block inside it as `inner`, as for
   * `discriminatorWrapper`, unless that block already holds a block of the wrapper's kind.
   */
  dataWrapper?: { kind: string; [option: string]: unknown };
}

/** A metric computed on generated samples (mode coverage, MMD, Fréchet distance, …). */
export interface Metric {
  readonly name: string;
  /** Computes named values; `generate(n)` returns samples the metric owns and disposes. */
  compute(ctx: MetricContext): Record<string, number> | Promise<Record<string, number>>;
}

/** What a metric may use; its random stream is the run's `metrics` stream, never a training one. */
export interface MetricContext {
  generate(n: number): tf.Tensor;
  data: DataSource;
  rng: Rng;
}

/** What a network, loss, regularizer, hook or data factory gets besides its options. */
export interface BuildContext {
  /** The run's `init` stream: every weight is drawn from it (tfjs initializers ignore seeds). */
  rng: Rng;
  /** Size of the latent vector z. */
  latentDim: number;
  /** Shape of one data sample. */
  sampleShape: readonly number[];
  /** Number of classes of labelled data. */
  numClasses?: number;
  /**
   * The run's `batchSize` (samples per real and per fake batch the trainer scores), where known
   * when the component is built (absent for a generator loaded alone). A discriminator that
   * needs batches of a certain form checks it here, so the config error comes before training:
   * PacGAN's `pacgan` wrapper needs a multiple of its packing m.
   */
  batchSize?: number;
  /**
   * The run's data source, where it exists when the component is built (absent while the data
   * source itself is built and for a generator loaded alone). A network whose output layout
   * depends on the data reads it here: CTGAN's generator (@ganforge/plugin-ctgan) applies tanh
   * or a Gumbel-softmax per span of a table's encoded row; the `gaussian-copula` generator is
   * fitted to a table source's rows when it is built.
   */
  data?: DataSource;
  /**
   * Builds a nested component block (wrappers such as `spectral-norm` build their inner net).
   * `overrides` replace this context's values for that block and everything it builds in turn:
   * a wrapper that widens its inner net's input (the `conditional` wrapper concatenating labels
   * to z or x) builds it with `{ latentDim }` or `{ sampleShape }`. The random stream is shared.
   */
  build<K extends ComponentKind>(
    kind: K,
    block: { kind: string; [option: string]: unknown },
    path: string,
    overrides?: Partial<Pick<BuildContext, 'latentDim' | 'sampleShape' | 'numClasses'>>,
  ): ComponentInstanceMap[K];
}

/** Everything the trainer factory receives. */
export interface TrainerParts {
  generator: Generator;
  discriminator: Discriminator;
  loss: GanLoss;
  regularizers: Regularizer[];
  hooks: Hook[];
  generatorOptimizer: Optimizer;
  discriminatorOptimizer: Optimizer;
  dSteps: number;
  batchSize: number;
  streams: RngStreams;
  /**
   * The run's `augment` component, if any: the trainer draws one transform T from
   * `streams.augment` per discriminator update and per generator update and trains D∘T on real
   * and generated samples alike.
   */
  augment?: Augment;
}

/** What `create` returns, by kind. */
export interface ComponentInstanceMap {
  loss: GanLoss;
  regularizer: Regularizer;
  hook: Hook;
  preset: PresetConfig;
  generator: Generator;
  discriminator: Discriminator;
  optimizer: Optimizer;
  trainer: Trainer;
  data: DataSource;
  metric: Metric;
  callback: Callback;
  augment: Augment;
}

/** What `create` receives besides its options, by kind. */
export interface ComponentContextMap {
  loss: BuildContext;
  regularizer: BuildContext;
  hook: BuildContext;
  preset: BuildContext;
  generator: BuildContext;
  discriminator: BuildContext;
  optimizer: BuildContext;
  trainer: TrainerParts;
  data: BuildContext;
  metric: BuildContext;
  callback: BuildContext;
  augment: BuildContext;
}

/**
 * A named factory with an options schema: what a plugin registers under `GAN_COMPONENT`.
 *
 * The schema validates the config block (without its `kind` field) and documents it; `create`
 * receives the parsed options.
 */
export interface ComponentDefinition<K extends ComponentKind = ComponentKind, O = unknown> {
  readonly kind: K;
  /** kebab-case name used as `kind` in config blocks. */
  readonly name: string;
  /** One line for `ganforge plugins` and docs. */
  readonly description: string;
  /** Validates and documents the options block. */
  readonly options: z.ZodType<O>;
  /** Defaults this component supplies to the run (resolution: user > preset > component > core). */
  readonly defaults?: ConfigDefaults;
  create(options: O, ctx: ComponentContextMap[K]): ComponentInstanceMap[K];
}

/** Any component definition. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyComponentDefinition = ComponentDefinition<ComponentKind, any>;

/** Identity helper that infers option types: `defineComponent({ kind: 'loss', … })`. */
export function defineComponent<K extends ComponentKind, O>(
  def: ComponentDefinition<K, O>,
): ComponentDefinition<K, O> {
  return def;
}
