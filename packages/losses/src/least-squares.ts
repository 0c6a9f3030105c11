import * as tf from '@tensorflow/tfjs';
import { defineComponent, type GanLoss } from '@ganforge/core';
import { z } from 'zod';
import { thresholdAccuracy } from './accuracy.js';

/** Targets of the least-squares GAN: fake label a, real label b, the value c G wants D to output. */
export interface LeastSquaresOptions {
  /** Target of D on fakes (default 0). */
  a?: number;
  /** Target of D on real data (default 1). */
  b?: number;
  /** Value the generator wants D to assign to fakes (default 1). */
  c?: number;
}

/**
 * The least-squares discriminator loss (Mao et al. 2017, arXiv:1611.04076, eq. 2), on raw scores:
 *
 *   real = ½·E_x[(D(x) − b)²],   fake = ½·E_z[(D(G(z)) − a)²]
 */
export function leastSquaresDiscriminatorLoss(
  realScores: tf.Tensor,
  fakeScores: tf.Tensor,
  options: LeastSquaresOptions = {},
): { real: tf.Scalar; fake: tf.Scalar } {
  const a = options.a ?? 0;
  const b = options.b ?? 1;
  return tf.tidy(() => ({
    real: tf.mul(0.5, tf.mean(tf.square(tf.sub(realScores, b)))) as tf.Scalar,
    fake: tf.mul(0.5, tf.mean(tf.square(tf.sub(fakeScores, a)))) as tf.Scalar,
  }));
}

/**
 * The least-squares generator loss (Mao et al. 2017, arXiv:1611.04076, eq. 2):
 *
 *   L_G = ½·E_z[(D(G(z)) − c)²]
 */
export function leastSquaresGeneratorLoss(
  fakeScores: tf.Tensor,
  options: LeastSquaresOptions = {},
): tf.Scalar {
  const c = options.c ?? 1;
  return tf.tidy(() => tf.mul(0.5, tf.mean(tf.square(tf.sub(fakeScores, c)))) as tf.Scalar);
}

/** zod schema of the `least-squares` loss options (a ≠ b). */
export const leastSquaresOptionsSchema = z
  .strictObject({
    a: z.number().default(0).describe('target of D on fakes'),
    b: z.number().default(1).describe('target of D on real data'),
    c: z.number().default(1).describe('value G wants D to output on fakes'),
  })
  .refine((o) => o.a !== o.b, { message: 'a and b must differ', path: ['b'] });

/** Options of the `least-squares` loss as written in a config. */
export type LeastSquaresLossOptions = z.input<typeof leastSquaresOptionsSchema>;

/**
 * The least-squares GAN loss (Mao et al. 2017, arXiv:1611.04076) with the 0-1 coding a = 0,
 * b = c = 1 by default. Accuracy thresholds D's output at (a + b)/2 (0.5 by default), real on b's
 * side.
 */
export function leastSquaresLoss(options: LeastSquaresOptions = {}): GanLoss {
  const a = options.a ?? 0;
  const b = options.b ?? 1;
  return {
    name: 'least-squares',
    discriminatorLoss: (ctx) => leastSquaresDiscriminatorLoss(ctx.realOut.score, ctx.fakeOut.score, options),
    generatorLoss: (ctx) => leastSquaresGeneratorLoss(ctx.fakeOut.score, options),
    accuracy: (ctx) => thresholdAccuracy(ctx.realOut.score, ctx.fakeOut.score, (a + b) / 2, b > a),
  };
}

/** The registered `least-squares` loss component. */
export const leastSquaresComponent = defineComponent({
  kind: 'loss',
  name: 'least-squares',
  description: 'Least-squares GAN loss (Mao et al. 2017) with targets a (fake), b (real), c (generator).',
  options: leastSquaresOptionsSchema,
  create: (options) => leastSquaresLoss(options),
});
