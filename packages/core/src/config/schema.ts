import { z } from 'zod';

/** Backends `selectBackend` accepts; `auto` tries tfjs-node-gpu, tfjs-node, wasm-native, wasm, then cpu. */
export const BACKEND_NAMES = ['auto', 'cpu', 'wasm', 'wasm-native', 'tensorflow', 'webgl', 'webgpu'] as const;

/** Largest seed: the random streams are seeded from 32 bits, so larger seeds would alias. */
export const MAX_SEED = 0xffffffff;

const positiveInt = z.number().int().positive();

/** A config block naming a component by `kind`; its other fields are the component's options. */
export const componentBlockSchema = z.looseObject({ kind: z.string().min(1) });

/** Optimizer settings of one network as a user writes them: every field optional. */
export const optimizerSettingsSchema = z.strictObject({
  kind: z.string().min(1).optional(),
  lr: z.number().gt(0).optional(),
  beta1: z.number().min(0).lt(1).optional(),
  beta2: z.number().min(0).lt(1).optional(),
  epsilon: z.number().gt(0).optional(),
  momentum: z.number().min(0).optional(),
  rho: z.number().gt(0).lt(1).optional(),
});

/** The `trainer` block: its `kind` and `dSteps` are core's; other fields are the trainer's options. */
export const trainerBlockSchema = z.looseObject({
  kind: z.string().min(1).optional(),
  dSteps: positiveInt.optional(),
});

/** The `optimizers` block. */
export const optimizersSchema = z.strictObject({
  generator: optimizerSettingsSchema.optional(),
  discriminator: optimizerSettingsSchema.optional(),
});

/** A `metrics` entry: `every` (in steps; 0 = only at the end) is core's, the rest the metric's. */
export const metricBlockSchema = z.looseObject({
  kind: z.string().min(1),
  every: z.number().int().min(0).optional(),
});

/**
 * The `ema` block: the generator's exponential moving average (see `emaUpdate`). Both fields are
 * optional (`decay` 0.999, `startStep` 0: `CORE_EMA_DEFAULTS`); the block's absence turns EMA off.
 */
export const emaSchema = z.strictObject({
  decay: z.number().gt(0).lt(1).optional(),
  startStep: z.number().int().min(0).optional(),
  standingBatches: z.number().int().min(0).max(10_000).optional(),
});

/**
 * The top level of a run config. Strict: an unknown key is an error. Defaultable fields carry no
 * schema default (they resolve user > preset > component > core in `resolveConfig`), and
 * component blocks are checked here only for their `kind`; their options are validated by each
 * component's own schema.
 */
export const ganConfigSchema = z.strictObject({
  seed: z.number().int().min(0).max(MAX_SEED).optional(),
  backend: z.enum(BACKEND_NAMES).optional(),
  data: componentBlockSchema,
  preset: z.string().min(1).optional(),
  /** Required unless the preset supplies one (`resolveConfig` says which is missing). */
  generator: componentBlockSchema.optional(),
  /** Required unless the preset supplies one. */
  discriminator: componentBlockSchema.optional(),
  loss: componentBlockSchema.optional(),
  regularizers: z.array(componentBlockSchema).optional(),
  hooks: z.array(componentBlockSchema).optional(),
  trainer: trainerBlockSchema.optional(),
  optimizers: optimizersSchema.optional(),
  latentDim: positiveInt.optional(),
  steps: positiveInt.optional(),
  batchSize: positiveInt.optional(),
  checkpoint: z
    .strictObject({
      every: z.number().int().min(0).optional(),
      keep: z.number().int().min(1).optional(),
    })
    .optional(),
  logEvery: positiveInt.optional(),
  metrics: z.array(metricBlockSchema).optional(),
  ema: emaSchema.optional(),
  augment: componentBlockSchema.optional(),
  plugins: z.array(z.string().min(1)).optional(),
});

/** What the top-level schema accepts (component options not yet validated). */
export type GanConfigInput = z.infer<typeof ganConfigSchema>;

/** What a preset's `create` must return (checked, since a preset is plugin code). */
export const presetConfigSchema = z.strictObject({
  generator: componentBlockSchema.optional(),
  discriminator: componentBlockSchema.optional(),
  steps: positiveInt.optional(),
  loss: componentBlockSchema.optional(),
  regularizers: z.array(componentBlockSchema).optional(),
  hooks: z.array(componentBlockSchema).optional(),
  trainer: trainerBlockSchema.optional(),
  optimizers: optimizersSchema.optional(),
  batchSize: positiveInt.optional(),
  discriminatorWrapper: componentBlockSchema
    .refine((block) => !('inner' in block), {
      message: 'a preset’s wrapper block holds no `inner`: resolution puts the user’s discriminator there',
      path: ['inner'],
    })
    .optional(),
  dataWrapper: componentBlockSchema
    .refine((block) => !('inner' in block), {
      message: 'a preset’s wrapper block holds no `inner`: resolution puts the user’s data block there',
      path: ['inner'],
    })
    .optional(),
});

/** What a component's `defaults` may hold (checked, since a component is plugin code). */
export const componentDefaultsSchema = z.looseObject({
  dSteps: positiveInt.optional(),
  optimizers: optimizersSchema.optional(),
});
