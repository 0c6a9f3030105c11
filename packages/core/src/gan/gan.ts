import * as tf from '@tensorflow/tfjs';
import type { ResolvedConfig } from '../config/types.js';
import type { MetricContext } from '../registry/component.js';
import { CheckpointError, ConfigError } from '../errors.js';
import { decodeCheckpoint, encodeCheckpoint } from '../checkpoint/index.js';
import { checkGroup, tensorsOf } from './checkpoint-groups.js';
import { checkLabels } from './check-labels.js';
import { Rng, type RngState } from '../rng/rng.js';
import { restoreRngStreams, rngStreamsState, type RngStreams, type StreamName } from '../rng/streams.js';
import type { BatchSampler, DataSource } from '../types/data.js';
import type { Discriminator, Generator, ParamTree, VariableTree } from '../types/network.js';
import {
  STOP_TRAINING,
  type CallbackContext,
  type FitOptions,
  type StepLogs,
  type Trainer,
} from '../types/trainer.js';
import type { BackendChoice } from '../backend/index.js';
import type { CheckpointStore } from './checkpoint-store.js';
import { EMA_CHECKPOINT_GROUP, GeneratorEma } from '../ema/generator-ema.js';
import { standingStatistics } from '../ema/standing-statistics.js';
import type { StatefulComponent } from '../types/stateful.js';
import { checkComponentStates, componentStateGroups, restoreComponentStates } from './component-state.js';
import { yieldToEventLoop } from './yield.js';

/**
 * Which generator weights produce samples: `ema`, the exponential moving average of the
 * config's `ema` block, or `raw`, the weights the trainer updates.
 */
export type GeneratorWeights = 'ema' | 'raw';

/** Options of {@link Gan.sample}. */
export interface SampleOptions {
  /** Number of samples. */
  n: number;
  /** Class labels (conditional generators): one per sample. */
  labels?: number[];
  /** Latent noise `[n, latentDim]` to use instead of a fresh draw. */
  noise?: tf.Tensor;
  /**
   * Which weights generate (default: `ema` when the config has an `ema` block, else `raw`);
   * `ema` without an `ema` block is a ConfigError.
   */
  weights?: GeneratorWeights;
}

/** Options of {@link Gan.metricContext}. */
export interface MetricContextOptions {
  /** Which weights generate (default as {@link SampleOptions.weights}: `ema` when EMA is on). */
  weights?: GeneratorWeights;
}

/** What `Gan` is built from (see `createGan`). */
export interface GanParts {
  config: ResolvedConfig;
  generator: Generator;
  discriminator: Discriminator;
  trainer: Trainer;
  data: DataSource;
  sampler: BatchSampler;
  streams: RngStreams;
  backend: string;
  /** How the backend was chosen (requested, chosen, skipped with reasons). */
  backendChoice?: BackendChoice;
  store?: CheckpointStore;
  /**
   * The run's components that keep state (ADA's p, LeCam's averages), by config path
   * (`augment`, `regularizers.0`): checkpointed as `component-state/<path>`, disposed with the GAN.
   */
  statefulComponents?: Record<string, StatefulComponent>;
}

/** Number of latent vectors in the fixed noise batch used for sample grids. */
export const FIXED_NOISE_SIZE = 64;

/**
 * A GAN a user holds: train it (`fit`, `step`), draw samples, save and load checkpoints.
 *
 * The fixed noise batch is drawn once (from its own stream) and stored in checkpoints, so
 * pictures over a run — and over a resume — are comparable. `sample()` draws its noise from a
 * separate `sample` stream: sampling never changes the training run.
 *
 * With an `ema` block in the config, the GAN keeps the exponential moving average of the
 * generator's parameters ({@link Gan.ema}), updated after every step, and everything that
 * generates for users — `sample`, `sampleFixed`, callbacks' `sampleFixed`, `metricContext` and
 * exported generators — uses the average unless asked for `weights: 'raw'`.
 */
export class Gan {
  readonly config: ResolvedConfig;
  readonly generator: Generator;
  readonly discriminator: Discriminator;
  readonly trainer: Trainer;
  readonly data: DataSource;
  /** The backend the GAN runs on. */
  readonly backend: string;
  /** How the backend was chosen: what was requested, and why other backends were skipped. */
  readonly backendChoice?: BackendChoice;
  private readonly sampler: BatchSampler;
  private readonly streams: RngStreams;
  private readonly sampleRng: Rng;
  private fixedNoise: tf.Tensor;
  private readonly store?: CheckpointStore;
  private readonly statefulComponents: Record<string, StatefulComponent>;
  /**
   * The generator's exponential moving average, when the config has an `ema` block (else
   * undefined). Updated by {@link Gan.step} after the trainer's step.
   */
  readonly ema?: GeneratorEma;

  constructor(parts: GanParts) {
    this.config = parts.config;
    this.generator = parts.generator;
    this.discriminator = parts.discriminator;
    this.trainer = parts.trainer;
    this.data = parts.data;
    this.sampler = parts.sampler;
    this.streams = parts.streams;
    this.backend = parts.backend;
    this.backendChoice = parts.backendChoice;
    this.store = parts.store;
    this.statefulComponents = parts.statefulComponents ?? {};
    if (parts.config.ema) this.ema = new GeneratorEma(parts.config.ema, parts.generator.params);
    this.sampleRng = new Rng(parts.config.seed, 'sample');
    this.fixedNoise = new Rng(parts.config.seed, 'fixed-noise').normalTensor([
      FIXED_NOISE_SIZE,
      parts.generator.latentDim,
    ]);
  }

  /** Steps taken so far. */
  get stepCount(): number {
    return this.trainer.stepCount;
  }

  /**
   * One training step; throws a TrainingError if a logged value is NaN or Inf. With EMA on, the
   * average is updated after the trainer's step (so after its generator update), with t the step
   * count after it: 1 for the run's first step.
   */
  step(): StepLogs {
    const logs = this.trainer.step(this.sampler);
    this.ema?.update(this.generator.params, this.trainer.stepCount);
    return logs;
  }

  /**
   * Trains for `steps` steps (default: until the config's `steps`), awaiting the event loop
   * between steps. Callbacks see every StepLogs and may return `'stop'`.
   */
  async fit(options: FitOptions = {}): Promise<StepLogs[]> {
    const total = options.steps ?? Math.max(0, this.config.steps - this.stepCount);
    const callbacks = options.callbacks ?? [];
    const history: StepLogs[] = [];
    const ctx = this.callbackContext(total);
    for (const cb of callbacks) await cb.onTrainBegin?.(ctx);
    for (let i = 0; i < total; i++) {
      if (options.signal?.aborted) break;
      const logs = this.step();
      if (options.keepHistory !== false) history.push(logs);
      ctx.step = this.stepCount;
      let stop = false;
      for (const cb of callbacks) if ((await cb.onStepEnd?.(logs, ctx)) === STOP_TRAINING) stop = true;
      if (stop) break;
      await yieldToEventLoop();
    }
    for (const cb of callbacks) await cb.onTrainEnd?.(history, ctx);
    return history;
  }

  private callbackContext(totalSteps: number): CallbackContext {
    return {
      sampleFixed: () => this.sample({ n: FIXED_NOISE_SIZE, noise: this.fixedNoise }),
      step: this.stepCount,
      totalSteps,
    };
  }

  /**
   * What a metric computes on: generation from the run's `metrics` stream (never a training
   * stream, so a metric's cadence leaves the training run unchanged) and the data source.
   * Generation uses the EMA weights when EMA is on, unless `weights: 'raw'`.
   */
  metricContext(options: MetricContextOptions = {}): MetricContext {
    const rng = this.streams.metrics;
    const weights = this.checkWeights(options.weights);
    return {
      generate: (n: number) => {
        const z = rng.normalTensor([n, this.generator.latentDim]);
        try {
          return this.sample({ n, noise: z, weights });
        } finally {
          z.dispose();
        }
      },
      data: this.data,
      rng,
    };
  }

  /** Samples from the fixed noise batch (the same latent vectors all run long). */
  sampleFixed(options: { weights?: GeneratorWeights } = {}): tf.Tensor {
    return this.sample({ n: FIXED_NOISE_SIZE, noise: this.fixedNoise, weights: options.weights });
  }

  /**
   * The weights `weights` names, resolved: `ema` when EMA is on and nothing is asked for.
   * A ConfigError for `ema` without EMA.
   */
  private checkWeights(weights: GeneratorWeights | undefined): GeneratorWeights {
    if (weights === 'ema' && !this.ema)
      throw new ConfigError(
        "weights: 'ema' asks for the averaged generator, but the config has no `ema` block",
        'weights',
      );
    if (weights !== undefined && weights !== 'ema' && weights !== 'raw')
      throw new ConfigError(`weights: expected 'ema' or 'raw', found ${String(weights)}`, 'weights');
    return weights ?? (this.ema ? 'ema' : 'raw');
  }

  /**
   * Generates `n` samples in inference mode; the caller owns the returned tensor. Uses the EMA
   * weights when EMA is on (with the generator's own non-trainable state), unless
   * `weights: 'raw'`.
   */
  sample(options: SampleOptions): tf.Tensor {
    const { n, labels, noise } = options;
    const params = this.checkWeights(options.weights) === 'ema' ? this.ema?.params : undefined;
    if (!Number.isInteger(n) || n <= 0)
      throw new ConfigError(`sample: n must be a positive integer, got ${n}`, 'n');
    if (noise && (noise.shape[0] !== n || noise.shape[1] !== this.generator.latentDim)) {
      throw new ConfigError(
        `sample: noise must have shape [${n}, ${this.generator.latentDim}], got [${noise.shape}]`,
        'noise',
      );
    }
    if (labels && labels.length !== n)
      throw new ConfigError(`sample: ${labels.length} labels for ${n} samples`, 'labels');
    const classes = this.data.numClasses;
    if (labels && !classes)
      throw new ConfigError('sample: labels given, but the data has no classes', 'labels');
    if (labels && classes) checkLabels(labels, classes);
    // Outside the tidy: standing statistics are cached on the EMA (computed at most once per update).
    const state = params ? this.emaState() : undefined;
    return tf.tidy(() => {
      const z = noise ?? this.sampleRng.normalTensor([n, this.generator.latentDim]);
      const cond = labels && classes ? tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat() : undefined;
      return this.generator.generate(z, { training: false, cond, params, state }).x;
    });
  }

  /**
   * The state the averaged generator runs with: its standing statistics when the `ema` block
   * asks for them (`standingBatches` > 0; computed once per EMA update from a stream of their
   * own, `ema-standing-statistics`, restarted each time so they depend only on θ_ema and the
   * seed), else `undefined` (the generator's own state). Owned by the EMA: do not dispose.
   */
  emaState(): ParamTree | undefined {
    const ema = this.ema;
    if (!ema) return undefined;
    return ema.standingState(this.generator, () =>
      standingStatistics(this.generator, {
        params: ema.params,
        batches: ema.settings.standingBatches ?? 0,
        batchSize: this.config.batchSize,
        rng: new Rng(this.config.seed, 'ema-standing-statistics'),
        numClasses: this.data.numClasses,
      }),
    );
  }

  /** Everything a checkpoint holds, encoded as files (browser-safe). */
  async checkpointFiles(): Promise<Map<string, Uint8Array>> {
    const trainerState = this.trainer.getState();
    return encodeCheckpoint({
      step: trainerState.step,
      config: this.config,
      rng: { streams: rngStreamsState(this.streams), sample: this.sampleRng.state() },
      sampler: this.sampler.state(),
      extra: { backend: this.backendChoice ?? this.backend, trainer: this.trainer.name },
      tensors: {
        'generator/params': { ...this.generator.params },
        'generator/state': { ...this.generator.state },
        'discriminator/params': { ...this.discriminator.params },
        'discriminator/state': { ...this.discriminator.state },
        ...trainerState.tensors,
        ...(this.ema ? { [EMA_CHECKPOINT_GROUP]: this.ema.params } : {}),
        ...componentStateGroups(this.statefulComponents),
        'fixed-noise': { noise: this.fixedNoise },
      },
    });
  }

  /** Restores from decoded checkpoint files; validates every shape before changing anything. */
  async restoreCheckpointFiles(read: (file: string) => Promise<Uint8Array>, where: string): Promise<void> {
    const decoded = await decodeCheckpoint(read, where);
    const nets: [string, VariableTree][] = [
      ['generator/params', this.generator.params],
      ['generator/state', this.generator.state],
      ['discriminator/params', this.discriminator.params],
      ['discriminator/state', this.discriminator.state],
    ];
    for (const [group, vars] of nets) checkGroup(decoded, group, vars, where);
    if (this.ema) {
      if (!decoded.tensors[EMA_CHECKPOINT_GROUP])
        throw new CheckpointError(
          `${where}: the config has an \`ema\` block, but the checkpoint holds no averaged generator (written with EMA off?)`,
          'manifest.json',
        );
      checkGroup(decoded, EMA_CHECKPOINT_GROUP, this.generator.params, where);
    }
    checkComponentStates(decoded, this.statefulComponents, where);
    const noise = decoded.tensors['fixed-noise']?.noise;
    if (!noise)
      throw new CheckpointError(`${where}: the checkpoint has no fixed noise batch`, 'manifest.json');
    // Everything is validated: now assign.
    for (const [group, vars] of nets) {
      for (const [path, v] of Object.entries(vars)) {
        const t = decoded.tensors[group][path];
        tf.tidy(() => v.assign(tf.tensor(t.values, t.shape, 'float32')));
      }
    }
    if (this.ema) {
      const average = tensorsOf(decoded, EMA_CHECKPOINT_GROUP);
      this.ema.restore(average);
      for (const t of Object.values(average)) t.dispose();
    }
    restoreComponentStates(decoded, this.statefulComponents);
    const trainerTensors: Record<string, ParamTree> = {};
    for (const group of Object.keys(decoded.tensors)) {
      if (!group.startsWith('optimizer/') && !group.startsWith('trainer/')) continue;
      trainerTensors[group] = tensorsOf(decoded, group);
    }
    this.trainer.setState({ step: decoded.step, tensors: trainerTensors });
    for (const tree of Object.values(trainerTensors)) for (const t of Object.values(tree)) t.dispose();
    const rng = decoded.rng as { streams: Partial<Record<StreamName, RngState>>; sample: RngState };
    restoreRngStreams(this.streams, rng.streams);
    this.sampleRng.restore(rng.sample);
    this.sampler.restore(decoded.sampler);
    this.fixedNoise.dispose();
    this.fixedNoise = tf.tensor(noise.values, noise.shape, 'float32');
  }

  /** Writes a checkpoint folder `dir` through the checkpoint store. */
  async saveCheckpoint(dir: string): Promise<void> {
    await this.requireStore().write(dir, await this.checkpointFiles());
  }

  /** Loads checkpoint folder `dir`; a corrupt or mismatched checkpoint changes nothing. */
  async loadCheckpoint(dir: string): Promise<void> {
    await this.restoreCheckpointFiles(await this.requireStore().reader(dir), dir);
  }

  private requireStore(): CheckpointStore {
    if (!this.store) {
      throw new CheckpointError(
        'no checkpoint store: in Node import createGan from "@ganforge/core/node", or pass { checkpointStore } to createGan',
      );
    }
    return this.store;
  }

  /** Releases every tensor of the GAN (networks, optimizer and EMA state, components' state). */
  dispose(): void {
    this.generator.dispose();
    this.discriminator.dispose();
    this.trainer.dispose();
    this.ema?.dispose();
    for (const c of Object.values(this.statefulComponents)) c.dispose();
    this.fixedNoise.dispose();
  }
}
