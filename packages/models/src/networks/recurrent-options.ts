import { ConfigError, type BuildContext } from '@ganforge/core';
import { z } from 'zod';
import { activationNameSchema } from '../layers/activation.js';
import { gru } from '../layers/gru.js';
import { initSchemeSchema } from '../layers/initializers.js';
import type { Layer } from '../layers/layer.js';
import { lstm } from '../layers/lstm.js';

/** The recurrent cells: `gru` (Cho et al. 2014, arXiv:1406.1078), `lstm` (Hochreiter & Schmidhuber 1997). */
export const recurrentCellSchema = z.enum(['gru', 'lstm']);

/** One of {@link recurrentCellSchema}'s cells. */
export type RecurrentCell = z.infer<typeof recurrentCellSchema>;

const recurrentShape = {
  cell: recurrentCellSchema
    .default('gru')
    .describe('recurrent cell: gru (Cho et al. 2014) or lstm (Hochreiter & Schmidhuber 1997) (default gru)'),
  hidden: z
    .array(z.number().int().positive())
    .min(1)
    .default([32, 32])
    .describe('widths of the stacked recurrent layers (default [32, 32])'),
  init: initSchemeSchema
    .default('fan-in-uniform')
    .describe(
      "weight and bias initialization (default fan-in-uniform: PyTorch's nn.GRU/nn.LSTM, every recurrent weight and bias U(±1/√hidden); the dense head U(±1/√fan_in))",
    ),
  forgetBias: z
    .number()
    .optional()
    .describe(
      "lstm only: added to the forget gate's bias at init (default 0, PyTorch's; 1 as Jozefowicz et al. 2015)",
    ),
  condDim: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe(
      "size of the static condition joined to every time step (default: the data's number of classes, one-hot labels; 0 for unlabelled data). 0 ignores labels",
    ),
};

function forgetBiasOnlyForLstm(o: { cell: RecurrentCell; forgetBias?: number }, ctx: z.RefinementCtx): void {
  if (o.cell !== 'lstm' && o.forgetBias !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['forgetBias'],
      message: "'forgetBias' applies only to cell 'lstm'",
    });
}

/** zod schema of the `rnn` generator's options. */
export const rnnGeneratorOptionsSchema = z
  .strictObject({
    ...recurrentShape,
    noise: z
      .enum(['per-step', 'static'])
      .default('per-step')
      .describe(
        'per-step: latentDim is split into window × d fresh values, d per time step; static: one z of latentDim joined to every step (default per-step)',
      ),
    outputActivation: activationNameSchema
      .default('tanh')
      .describe('per-step output activation (default tanh)'),
  })
  .superRefine(forgetBiasOnlyForLstm);

/** zod schema of the `rnn` discriminator's options (the score is linear: losses take logits). */
export const rnnDiscriminatorOptionsSchema = z
  .strictObject({
    ...recurrentShape,
    pooling: z
      .enum(['last', 'mean'])
      .default('last')
      .describe('what the score head reads: the last hidden state, or the mean over time (default last)'),
  })
  .superRefine(forgetBiasOnlyForLstm);

/** Options of the `rnn` generator as written in a config. */
export type RnnGeneratorOptions = z.input<typeof rnnGeneratorOptionsSchema>;
/** Options of the `rnn` discriminator as written in a config. */
export type RnnDiscriminatorOptions = z.input<typeof rnnDiscriminatorOptionsSchema>;

/** What building a recurrent network needs from the run (a subset of core's BuildContext). */
export type RecurrentBuildContext = Pick<BuildContext, 'rng' | 'latentDim' | 'sampleShape' | 'numClasses'>;

/** `[steps, channels]` of sequence samples (the `windows` data source's), else a ConfigError on `data`. */
export function sequenceShape(sampleShape: readonly number[], who: string): [number, number] {
  if (sampleShape.length !== 2) {
    throw new ConfigError(
      `${who} needs sequence samples [steps, channels] (e.g. the windows data source), got [${sampleShape.join(', ')}]`,
      'data',
    );
  }
  return [sampleShape[0], sampleShape[1]];
}

/**
 * A stack of recurrent layers of `cell` with widths `hidden` over inputs of `inputSize` features;
 * every layer returns its sequence except, when `lastReturnsSequence` is false, the last.
 */
export function recurrentStack(
  o: { cell: RecurrentCell; hidden: number[]; init: z.infer<typeof initSchemeSchema>; forgetBias?: number },
  inputSize: number,
  lastReturnsSequence: boolean,
): Layer[] {
  let width = inputSize;
  return o.hidden.map((units, i) => {
    const returnSequences = lastReturnsSequence || i < o.hidden.length - 1;
    const layer =
      o.cell === 'gru'
        ? gru(width, units, { init: o.init, returnSequences })
        : lstm(width, units, { init: o.init, returnSequences, forgetBias: o.forgetBias });
    width = units;
    return layer;
  });
}
