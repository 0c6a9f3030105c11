import * as tf from '@tensorflow/tfjs';
import type { GanLoss, Hook, LossContext, Regularizer } from '../types/loss.js';
import type { ParamTree } from '../types/network.js';

/**
 * Non-saturating GAN loss on logits (Goodfellow et al. 2014, arXiv:1406.2661), for core's tests:
 * L_D = softplus(−D(x)) + softplus(D(G(z))), L_G = softplus(−D(G(z))). The real package is
 * @ganforge/losses.
 */
export function testingNonSaturatingLoss(): GanLoss {
  return {
    name: 'testing-non-saturating',
    discriminatorLoss: (ctx: LossContext) => ({
      real: tf.mean(tf.softplus(tf.neg(ctx.realOut.score))),
      fake: tf.mean(tf.softplus(ctx.fakeOut.score)),
    }),
    generatorLoss: (ctx: LossContext) => tf.mean(tf.softplus(tf.neg(ctx.fakeOut.score))),
    accuracy: (ctx: LossContext) => ({
      real: tf.mean(tf.cast(tf.greater(ctx.realOut.score, 0), 'float32')),
      fake: tf.mean(tf.cast(tf.lessEqual(ctx.fakeOut.score, 0), 'float32')),
    }),
    logs: (ctx: LossContext) => ({ mean_fake_logit: tf.mean(ctx.fakeOut.score) }),
  };
}

/** Σ‖W‖² over a network's params: a D- or G-side regularizer for core's tests. */
export function testingL2Regularizer(target: 'discriminator' | 'generator', weight: number): Regularizer {
  return {
    name: 'testing-l2',
    target,
    weight,
    penalty: (ctx: LossContext) => {
      const params = target === 'discriminator' ? ctx.dParams : ctx.gParams;
      return tf.addN(Object.values(params).map((p) => tf.sum(tf.square(p)))) as tf.Scalar;
    },
  };
}

/** Clips every parameter to [−c, c] after an update: a hook for core's tests. */
export function testingClipHook(after: Hook['after'], c: number): Hook {
  return {
    name: 'testing-clip',
    after,
    apply: (params: ParamTree) =>
      Object.fromEntries(Object.entries(params).map(([k, v]) => [k, tf.clipByValue(v, -c, c)])),
  };
}
