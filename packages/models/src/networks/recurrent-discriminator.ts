import * as tf from '@tensorflow/tfjs';
import type { Discriminator, DiscriminatorOutput, ForwardOptions, Rng, VariableTree } from '@ganforge/core';
import { dense } from '../layers/dense.js';
import type { Layer } from '../layers/layer.js';
import { applySequential, initSequential } from '../layers/sequential.js';
import { meanOverTime } from '../layers/time-distributed.js';
import {
  recurrentStack,
  rnnDiscriminatorOptionsSchema,
  sequenceShape,
  type RecurrentBuildContext,
  type RnnDiscriminatorOptions,
} from './recurrent-options.js';
import { checkStepCondition, withStepCondition } from './step-condition.js';
import { resolveTree, toVariables } from './variables.js';

/**
 * A recurrent sequence discriminator (C-RNN-GAN, Mogren 2016, arXiv:1611.09904; RCGAN, Esteban et
 * al. 2017, arXiv:1706.02633): the sequence, with an optional static condition c joined to every
 * step, through stacked GRU/LSTM layers; a linear score from a summary s of the top layer's states:
 *
 *   h_t = RNN([x_1 ; c] … [x_t ; c]),   s = h_T (`last`) or (1/T)·Σ_t h_t (`mean`),   D(x) = s·w + b
 *
 * The features are s. Length-agnostic (any T); per-sample, so gradient penalties and R1 stay
 * exact, at second order too (σ and tanh through core's gradient fixes). Params keyed
 * `layers/<i>/…`; substitute params/state are honoured.
 */
export class RecurrentDiscriminator implements Discriminator {
  readonly params: VariableTree;
  readonly state: VariableTree;
  readonly supportsSubstituteParams = true;

  constructor(
    readonly layers: readonly Layer[],
    readonly inputShape: readonly number[],
    /** Size of the static condition joined to every step (0: unconditional, `cond` ignored). */
    readonly condDim: number,
    rng: Rng,
  ) {
    const init = initSequential(layers, rng);
    this.params = toVariables(init.params, true);
    this.state = toVariables(init.state, false);
  }

  /** Scores sequences x `[batch, T, channels]` (any T): score `[batch, 1]`, features s `[batch, hidden]`. */
  forward(x: tf.Tensor, options: ForwardOptions): DiscriminatorOutput {
    return tf.tidy(() => {
      const params = resolveTree(this.params, options.params, 'params');
      const state = resolveTree(this.state, options.state, 'state');
      const input =
        this.condDim > 0
          ? withStepCondition(
              x,
              checkStepCondition(options.cond, x.shape[0], this.condDim, 'rnn discriminator'),
            )
          : x;
      const out = applySequential(this.layers, params, state, input, options);
      return { score: out.y, features: out.penultimate, state: out.state };
    });
  }

  /** Releases every variable. */
  dispose(): void {
    tf.dispose([...Object.values(this.params), ...Object.values(this.state)]);
  }
}

/**
 * Builds the `rnn` discriminator for sequence samples `[window, channels]`: a condition of
 * `condDim` values (default: the data's classes) joined to every step, stacked `cell` layers of
 * widths `hidden`, `pooling` (`last` state or `mean` over time) and a dense score.
 */
export function rnnDiscriminator(
  options: RnnDiscriminatorOptions,
  ctx: Omit<RecurrentBuildContext, 'latentDim'>,
): RecurrentDiscriminator {
  const o = rnnDiscriminatorOptionsSchema.parse(options);
  const [, channels] = sequenceShape(ctx.sampleShape, 'rnn discriminator');
  const condDim = o.condDim ?? ctx.numClasses ?? 0;
  const layers = recurrentStack(o, channels + condDim, o.pooling === 'mean');
  if (o.pooling === 'mean') layers.push(meanOverTime());
  layers.push(dense(o.hidden[o.hidden.length - 1], 1, { init: o.init }));
  return new RecurrentDiscriminator(layers, ctx.sampleShape, condDim, ctx.rng);
}
