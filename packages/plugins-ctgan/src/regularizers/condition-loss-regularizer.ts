import * as tf from '@tensorflow/tfjs';
import { ConfigError, type LossContext, type Regularizer } from '@ganforge/core';
import { conditionCrossEntropy } from '../condition/condition-loss.js';
import { CtganGenerator } from '../networks/ctgan-generator.js';

/**
 * The generator-side regularizer `condition-cross-entropy` (Xu et al. 2019, arXiv:1907.00503,
 * §4.3): `weight` · {@link conditionCrossEntropy}(l, cond), with l the ctgan generator's raw
 * outputs for this update's samples (read from the generator when it made `ctx.fake` in the same
 * scope, else recomputed from `ctx.z`, `ctx.cond` and `ctx.gParams`, which is the same value: G is
 * a function of z). Without a condition (a table with no conditioned column) it is 0. Any other
 * generator than `ctgan` is a ConfigError at `generator.kind`.
 */
export function conditionLossRegularizer(weight = 1): Regularizer {
  return {
    name: 'condition-cross-entropy',
    target: 'generator',
    weight,
    penalty(ctx: LossContext): tf.Scalar {
      const g = ctx.g;
      if (!(g instanceof CtganGenerator))
        throw new ConfigError(
          'regularizer condition-cross-entropy: needs the ctgan generator (generator: { kind: ctgan }), whose raw outputs it reads',
          'generator.kind',
        );
      const slots = g.conditions;
      if (ctx.cond === undefined || slots === undefined || slots.width === 0) return tf.scalar(0);
      return tf.tidy(() => {
        const logits =
          g.logitsOf(ctx.fake) ??
          g.logits(ctx.z, { training: true, cond: ctx.cond, params: ctx.gParams }).logits;
        return conditionCrossEntropy(logits, ctx.cond as tf.Tensor, slots);
      });
    },
  };
}
