import { ConfigError, defineComponent, type AnyComponentDefinition } from '@ganforge/core';
import { z } from 'zod';
import { isTableSource, withTrainingBySampling } from './condition/conditional-table.js';
import { ctganDiscriminatorComponent, ctganGeneratorComponent } from './network-components.js';
import { ctganPresetComponent } from './preset.js';
import { conditionLossRegularizer } from './regularizers/condition-loss-regularizer.js';
import { weightDecayRegularizer } from './regularizers/weight-decay.js';

/** zod schema of the `training-by-sampling` data wrapper's options (Xu et al. 2019, §4.3). */
export const trainingBySamplingOptionsSchema = z.strictObject({
  inner: z
    .looseObject({ kind: z.string() })
    .describe('the table data block whose rows are drawn, e.g. { kind: "table", path: "data.csv" }'),
  conditionOn: z
    .array(z.enum(['category', 'mode', 'mixed']))
    .min(1)
    .default(['category'])
    .describe(
      "one-hot span roles the conditional vector covers (default ['category']: CTGAN's discrete columns; CTAB-GAN adds 'mode' and 'mixed')",
    ),
  logFrequency: z
    .boolean()
    .default(true)
    .describe('draw a category ∝ log(1 + count) (default true, CTGAN’s), else ∝ count'),
});

/** Options of the `training-by-sampling` data wrapper as written in a config. */
export type TrainingBySamplingComponentOptions = z.input<typeof trainingBySamplingOptionsSchema>;

/** zod schema of the `condition-cross-entropy` regularizer's options. */
export const conditionLossOptionsSchema = z.strictObject({
  weight: z.number().min(0).default(1).describe('weight of the condition loss in L_G (default 1, CTGAN’s)'),
});

/** Options of the `condition-cross-entropy` regularizer as written in a config. */
export type ConditionLossOptions = z.input<typeof conditionLossOptionsSchema>;

/** zod schema of the `weight-decay` regularizer's options. */
export const weightDecayOptionsSchema = z.strictObject({
  target: z.enum(['generator', 'discriminator']).describe('the network whose parameters decay'),
  lambda: z.number().min(0).default(1e-6).describe('λ of λ·½‖θ‖² (default 1e-6, CTGAN’s decay)'),
});

/** Options of the `weight-decay` regularizer as written in a config. */
export type WeightDecayOptions = z.input<typeof weightDecayOptionsSchema>;

/**
 * Data wrapper `training-by-sampling` (Xu et al. 2019, arXiv:1907.00503, §4.3): builds the
 * `inner` table block and draws its batches by condition ({@link withTrainingBySampling}). An
 * inner block that is not a table source is a ConfigError at `data.inner.kind`.
 */
export const trainingBySamplingComponent = defineComponent({
  kind: 'data',
  name: 'training-by-sampling',
  description:
    'CTGAN’s training-by-sampling (Xu et al. 2019) over a table: a column uniformly, a category ∝ log frequency, a matching row; batches carry the conditional vector.',
  options: trainingBySamplingOptionsSchema,
  create: (options, ctx) => {
    const inner = ctx.build('data', options.inner, 'data.inner');
    if (!isTableSource(inner))
      throw new ConfigError(
        `data.inner: training-by-sampling (which preset ctgan puts around the data block) draws rows of a table by category; "${options.inner.kind}" is not a table source (use kind: table)`,
        'data.inner.kind',
      );
    return withTrainingBySampling(inner, {
      conditionOn: options.conditionOn,
      logFrequency: options.logFrequency,
    });
  },
});

/** Regularizer `condition-cross-entropy`: CTGAN's condition loss (see `conditionLossRegularizer`). */
export const conditionLossComponent = defineComponent({
  kind: 'regularizer',
  name: 'condition-cross-entropy',
  description:
    'CTGAN’s condition loss (Xu et al. 2019): cross-entropy of the generated span of the conditioned column against the asked category (G-side).',
  options: conditionLossOptionsSchema,
  create: (options) => conditionLossRegularizer(options.weight),
});

/** Regularizer `weight-decay`: λ·½‖θ‖² on one network, PyTorch Adam's coupled weight decay. */
export const weightDecayComponent = defineComponent({
  kind: 'regularizer',
  name: 'weight-decay',
  description:
    'Coupled weight decay λ·½‖θ‖² on the generator or the discriminator (PyTorch Adam’s weight_decay; CTGAN: 1e-6).',
  options: weightDecayOptionsSchema,
  create: (options) => weightDecayRegularizer(options.target, options.lambda),
});

/**
 * Every component of @ganforge/plugin-ctgan (Xu et al. 2019, arXiv:1907.00503): generator and
 * discriminator `ctgan`, data wrapper `training-by-sampling`, regularizers
 * `condition-cross-entropy` and `weight-decay`, preset `ctgan`.
 */
export function ctganComponents(): AnyComponentDefinition[] {
  return [
    ctganGeneratorComponent,
    ctganDiscriminatorComponent,
    trainingBySamplingComponent,
    conditionLossComponent,
    weightDecayComponent,
    ctganPresetComponent,
  ];
}
