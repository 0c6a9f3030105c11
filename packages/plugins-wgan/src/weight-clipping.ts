import * as tf from '@tensorflow/tfjs';
import { ConfigError, defineComponent, type Hook, type ParamTree } from '@ganforge/core';
import { z } from 'zod';
import { parseOptions } from './parse-options.js';

/**
 * Clips every parameter to [−c, c]: w ← clip(w, −c, c) (Arjovsky et al. 2017,
 * arXiv:1701.07875, Algorithm 1, line 7).
 *
 * Pure: returns new tensors and leaves `params` as they are, so the default trainer applies it to
 * the critic's updated params before assigning them, and the unrolled trainer applies it inside
 * its differentiated inner steps (clipping's gradient is 1 inside the box and 0 outside).
 */
export function clipWeights(params: ParamTree, c: number): ParamTree {
  if (!(c > 0)) throw new ConfigError(`weight clipping needs c > 0, got ${c}`, 'c');
  return tf.tidy(() => {
    const out: ParamTree = {};
    for (const [path, value] of Object.entries(params)) out[path] = tf.clipByValue(value, -c, c);
    return out;
  });
}

/** zod schema of the `weight-clipping` hook options. */
export const weightClippingOptionsSchema = z.strictObject({
  c: z
    .number()
    .positive()
    .default(0.01)
    .describe(
      'clipping bound c > 0: every critic parameter is kept in [−c, c] (default 0.01, Arjovsky et al. 2017)',
    ),
});

/** Options of the `weight-clipping` hook. */
export type WeightClippingOptions = z.input<typeof weightClippingOptionsSchema>;

/**
 * The WGAN weight-clipping hook (Arjovsky et al. 2017, arXiv:1701.07875): after each critic
 * update, every critic parameter is clipped to [−c, c] ({@link clipWeights}), which keeps the
 * critic K-Lipschitz for some K that depends on c and the architecture.
 */
export function weightClippingHook(options: WeightClippingOptions = {}): Hook {
  const { c } = parseOptions(weightClippingOptionsSchema, options, 'weight-clipping');
  return {
    name: 'weight-clipping',
    after: 'discriminatorUpdate',
    apply: (params) => clipWeights(params, c),
  };
}

/** The registered `weight-clipping` hook component. */
export const weightClippingComponent = defineComponent({
  kind: 'hook',
  name: 'weight-clipping',
  description:
    'WGAN weight clipping (Arjovsky et al. 2017): critic params clipped to [−c, c] after each critic update.',
  options: weightClippingOptionsSchema,
  create: (options) => weightClippingHook(options),
});
