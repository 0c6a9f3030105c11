import * as tf from '@tensorflow/tfjs';
import {
  ConfigError,
  type ForwardOptions,
  type Generator,
  type GeneratorOutput,
  type Rng,
  type VariableTree,
} from '@ganforge/core';
import { activationLayer } from '../layers/activation.js';
import { dense } from '../layers/dense.js';
import type { Layer } from '../layers/layer.js';
import { applySequential, initSequential } from '../layers/sequential.js';
import { timeDistributed } from '../layers/time-distributed.js';
import {
  recurrentStack,
  rnnGeneratorOptionsSchema,
  sequenceShape,
  type RecurrentBuildContext,
  type RnnGeneratorOptions,
} from './recurrent-options.js';
import { checkStepCondition, withStepCondition } from './step-condition.js';
import { resolveTree, toVariables } from './variables.js';

/** How a {@link RecurrentGenerator} reads its noise and condition. */
export interface RecurrentGeneratorSettings {
  /** Time steps of one training sample (the data's window). */
  window: number;
  /** `per-step`: z holds d fresh values per step; `static`: one z joined to every step. */
  noise: 'per-step' | 'static';
  /** Noise values per time step: d = latentDim / window (per-step) or latentDim (static). */
  noisePerStep: number;
  /** Size of the static condition joined to every step (0: unconditional, `cond` ignored). */
  condDim: number;
}

/**
 * A recurrent sequence generator (C-RNN-GAN, Mogren 2016, arXiv:1611.09904; RCGAN, Esteban et
 * al. 2017, arXiv:1706.02633): noise per time step, plus an optional static condition c joined
 * to every step, through stacked GRU/LSTM layers and a per-step dense head:
 *
 *   u_t = [z_t ; c],   h_t = RNN(u_1 … u_t),   x_t = act(h_t·W + b),   t = 1 … T
 *
 * With `per-step` noise z `[batch, latentDim]` is read as `[batch, T, d]`, latentDim = T·d; with
 * `static` noise z_t = z for every t. The network is length-agnostic: {@link generateSteps}
 * generates any number of steps (longer than the training window) from noise of
 * {@link noiseShape}. Params keyed `layers/<i>/…` (`kernel`, `recurrentKernel`, `bias`,
 * `recurrentBias` for the recurrent layers); substitute params/state are honoured.
 */
export class RecurrentGenerator implements Generator {
  readonly params: VariableTree;
  readonly state: VariableTree;
  readonly supportsSubstituteParams = true;
  readonly outputShape: readonly number[];

  constructor(
    readonly layers: readonly Layer[],
    readonly latentDim: number,
    channels: number,
    readonly settings: RecurrentGeneratorSettings,
    rng: Rng,
  ) {
    this.outputShape = [settings.window, channels];
    const init = initSequential(layers, rng);
    this.params = toVariables(init.params, true);
    this.state = toVariables(init.state, false);
  }

  /** Shape of the noise for `n` sequences of `steps` steps: `[n, steps·d]` (per-step) or `[n, latentDim]` (static). */
  noiseShape(n: number, steps: number = this.settings.window): [number, number] {
    return [n, this.settings.noise === 'per-step' ? steps * this.settings.noisePerStep : this.latentDim];
  }

  /** Maps z `[batch, latentDim]` to sequences `[batch, window, channels]`. */
  generate(z: tf.Tensor, options: ForwardOptions): GeneratorOutput {
    return this.generateSteps(z, this.settings.window, options);
  }

  /**
   * Maps noise of {@link noiseShape}`(batch, steps)` to sequences `[batch, steps, channels]`: the
   * same network run for any number of steps, e.g. longer than the training window.
   */
  generateSteps(z: tf.Tensor, steps: number, options: ForwardOptions): GeneratorOutput {
    if (!Number.isInteger(steps) || steps < 1)
      throw new ConfigError(`rnn generator: steps must be a positive integer, got ${steps}`, 'steps');
    const expected = this.noiseShape(z.shape[0], steps);
    if (z.rank !== 2 || z.shape[1] !== expected[1]) {
      throw new ConfigError(
        `rnn generator: ${steps} steps of ${this.settings.noise} noise need z [batch, ${expected[1]}], got [${z.shape.join(', ')}]`,
        'noise',
      );
    }
    return tf.tidy(() => {
      const params = resolveTree(this.params, options.params, 'params');
      const state = resolveTree(this.state, options.state, 'state');
      const [batch] = z.shape;
      let u =
        this.settings.noise === 'per-step'
          ? tf.reshape(z, [batch, steps, this.settings.noisePerStep])
          : tf.tile(tf.expandDims(z, 1), [1, steps, 1]);
      if (this.settings.condDim > 0)
        u = withStepCondition(
          u,
          checkStepCondition(options.cond, batch, this.settings.condDim, 'rnn generator'),
        );
      const out = applySequential(this.layers, params, state, u, options);
      return { x: out.y, state: out.state };
    });
  }

  /** Releases every variable. */
  dispose(): void {
    tf.dispose([...Object.values(this.params), ...Object.values(this.state)]);
  }
}

/**
 * Builds the `rnn` generator for sequence samples `[window, channels]`: per-step noise (d =
 * latentDim / window values per step; latentDim must be a multiple of the window) or static
 * noise, a condition of `condDim` values (default: the data's classes), stacked `cell` layers of
 * widths `hidden`, a per-step dense head to the channels and `outputActivation`.
 */
export function rnnGenerator(options: RnnGeneratorOptions, ctx: RecurrentBuildContext): RecurrentGenerator {
  const o = rnnGeneratorOptionsSchema.parse(options);
  const [window, channels] = sequenceShape(ctx.sampleShape, 'rnn generator');
  if (!(ctx.latentDim > 0))
    throw new ConfigError(`rnn generator needs latentDim > 0, got ${ctx.latentDim}`, 'latentDim');
  if (o.noise === 'per-step' && ctx.latentDim % window !== 0) {
    const d = Math.ceil(ctx.latentDim / window);
    throw new ConfigError(
      `rnn generator with per-step noise reads latentDim as ${window} steps × d values: ${ctx.latentDim} is not a ` +
        `multiple of the window ${window} (e.g. latentDim ${window * d} for d = ${d}, or noise: static)`,
      'latentDim',
    );
  }
  const noisePerStep = o.noise === 'per-step' ? ctx.latentDim / window : ctx.latentDim;
  const condDim = o.condDim ?? ctx.numClasses ?? 0;
  const layers = recurrentStack(o, noisePerStep + condDim, true);
  layers.push(
    timeDistributed(dense(o.hidden[o.hidden.length - 1], channels, { init: o.init })),
    activationLayer(o.outputActivation),
  );
  return new RecurrentGenerator(
    layers,
    ctx.latentDim,
    channels,
    { window, noise: o.noise, noisePerStep, condDim },
    ctx.rng,
  );
}
