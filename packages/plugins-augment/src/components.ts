import { ConfigError, defineComponent, type AnyComponentDefinition } from '@ganforge/core';
import { AdaptiveAugment } from './ada.js';
import { bcrRegularizer } from './bcr.js';
import { DiffAugment } from './diff-augment.js';
import { imageShapeOf } from './image-shape.js';
import { adaOptionsSchema, bcrOptionsSchema, diffAugmentOptionsSchema } from './options.js';

/**
 * Augment component `diff-augment`: {@link DiffAugment} (Zhao et al. 2020, arXiv:2006.10738),
 * every operation of the policy on every sample. The data must be images `[H, W, C]`.
 */
export const diffAugmentComponent = defineComponent({
  kind: 'augment',
  name: 'diff-augment',
  description:
    'DiffAugment (Zhao et al. 2020): differentiable color, translation and cutout on everything D sees, real and fake.',
  options: diffAugmentOptionsSchema,
  create: (o, ctx) => new DiffAugment(o, imageShapeOf(ctx.sampleShape, 'augment')),
});

/**
 * Augment component `ada`: {@link AdaptiveAugment} (Karras et al. 2020, arXiv:2006.06676), each
 * operation with probability p, p steered by r_t = E[sign(D(x_real))] toward `target`; the step
 * of p is batchSize · interval / rampImages.
 */
export const adaComponent = defineComponent({
  kind: 'augment',
  name: 'ada',
  description:
    'ADA (Karras et al. 2020): the DiffAugment operations, each with probability p adjusted from r_t = E[sign(D(x_real))] toward a target.',
  options: adaOptionsSchema,
  create: (o, ctx) => {
    if (ctx.batchSize === undefined)
      throw new ConfigError('augment: ada needs the run’s batchSize to size its steps of p', 'batchSize');
    const imageShape = imageShapeOf(ctx.sampleShape, 'augment');
    const schedule = {
      target: o.target,
      interval: o.interval,
      stepSize: (ctx.batchSize * o.interval) / o.rampImages,
    };
    return new AdaptiveAugment(o, schedule, imageShape, o.initialP);
  },
});

/**
 * Regularizer `bcr`: balanced consistency regularization (Zhao et al. 2021, arXiv:2002.04724),
 * λ_real·E‖D(x) − D(T(x))‖² + λ_fake·E‖D(G(z)) − D(T(G(z)))‖² in the D loss
 * ({@link bcrRegularizer}).
 */
export const bcrComponent = defineComponent({
  kind: 'regularizer',
  name: 'bcr',
  description:
    'Balanced consistency regularization (Zhao et al. 2021): λ_real·E‖D(x) − D(T(x))‖² + λ_fake·E‖D(G(z)) − D(T(G(z)))‖² on D.',
  options: bcrOptionsSchema,
  create: (o, ctx) =>
    bcrRegularizer(
      { real: o.lambdaReal, fake: o.lambdaFake },
      o,
      imageShapeOf(ctx.sampleShape, 'regularizers.bcr'),
    ),
});

/** Every component of @ganforge/plugin-augment: `diff-augment`, `ada` (kind `augment`) and regularizer `bcr`. */
export function augmentComponents(): AnyComponentDefinition[] {
  return [diffAugmentComponent, adaComponent, bcrComponent];
}
