import * as tf from '@tensorflow/tfjs';
import {
  adam,
  createRngStreams,
  sgd,
  type Batch,
  type Discriminator,
  type DiscriminatorScores,
  type GanLoss,
  type Generator,
  type Hook,
  type LossContext,
  type Optimizer,
  type ParamTree,
  type Regularizer,
  type TrainerParts,
} from '@ganforge/core';
import { testingNonSaturatingLoss, tinyMlpDiscriminator, tinyMlpGenerator, type TinyActivation } from '@ganforge/core/testing';
import { releaseUnrolled, unrollDiscriminator, type DiscriminatorTrees } from './unroll-discriminator.js';

/** Tiny parts for the trainer tests: 2-D data, tanh/leaky MLPs (no kinks where gradients are checked). */
export function tinyParts(
  seed: number,
  o: {
    dOptimizer?: Optimizer;
    gOptimizer?: Optimizer;
    activation?: TinyActivation;
    hidden?: number;
    dSteps?: number;
    batchSize?: number;
    loss?: GanLoss;
    regularizers?: Regularizer[];
    hooks?: Hook[];
    generator?: Generator;
    discriminator?: Discriminator;
  } = {},
): TrainerParts {
  const streams = createRngStreams(seed);
  const hidden = [o.hidden ?? 8];
  const activation = o.activation ?? 'tanh';
  return {
    generator: o.generator ?? tinyMlpGenerator(2, [2], streams.init, { hidden, activation }),
    discriminator: o.discriminator ?? tinyMlpDiscriminator([2], streams.init, { hidden, activation }),
    loss: o.loss ?? testingNonSaturatingLoss(),
    regularizers: o.regularizers ?? [],
    hooks: o.hooks ?? [],
    generatorOptimizer: o.gOptimizer ?? adam({ lr: 1e-3, beta1: 0.5 }),
    discriminatorOptimizer: o.dOptimizer ?? adam({ lr: 1e-3, beta1: 0.5 }),
    dSteps: o.dSteps ?? 1,
    batchSize: o.batchSize ?? 16,
    streams,
  };
}

/** The loss context the trainer builds, without a trainer. */
export function lossContext(
  parts: TrainerParts,
  real: Batch,
  z: tf.Tensor,
  fake: tf.Tensor,
  gParams: ParamTree,
  trees: DiscriminatorTrees,
  realOut: () => DiscriminatorScores,
  fakeOut: DiscriminatorScores,
): LossContext {
  let cached: DiscriminatorScores | undefined;
  return {
    real,
    z,
    fake,
    cond: real.labels,
    get realOut() {
      cached ??= realOut();
      return cached;
    },
    fakeOut,
    d: parts.discriminator,
    dParams: trees.params,
    dState: trees.state,
    g: parts.generator,
    gParams,
    rng: parts.streams.noise,
    step: 1,
  };
}

/**
 * The unrolled generator objective f_K as a function of one G parameter tensor `w` at `path`:
 * G(z; θ_G with w) → K functional D updates from D's current trees and `optimizerState` → the
 * generator loss against θ_D^K. Deterministic (no dropout): safe for finite differences.
 */
export function unrolledObjective(
  parts: TrainerParts,
  real: Batch,
  z: tf.Tensor,
  path: string,
  optimizerState: ParamTree,
  unrollSteps: number,
  firstOrder: boolean,
  held: tf.Tensor[],
): (w: tf.Tensor) => tf.Scalar {
  const { generator: g, discriminator: d, loss } = parts;
  return (w) => {
    const gParams = { ...g.params, [path]: w };
    const fake = g.generate(z, { training: true, cond: real.labels, params: gParams }).x;
    const unrolled = unrollDiscriminator({
      discriminator: d,
      loss,
      regularizers: parts.regularizers,
      hooks: parts.hooks,
      optimizer: parts.discriminatorOptimizer,
      params: { ...d.params },
      state: { ...d.state },
      optimizerState,
      real,
      fake,
      context: (trees, realOut, fakeOut) => lossContext(parts, real, z, fake, gParams, trees, realOut, fakeOut),
      unrollSteps,
      firstOrder,
      step: 1,
    });
    held.push(...unrolled.held);
    const trees = { params: unrolled.params, state: unrolled.state };
    const fakeOut = d.forward(fake, { training: true, cond: real.labels, ...trees });
    const ctx = lossContext(parts, real, z, fake, gParams, trees, () => d.forward(real.x, { training: true, ...trees }), fakeOut);
    return loss.generatorLoss(ctx);
  };
}

/** Runs `n` D-only updates on D's variables and returns the optimizer state (for warmed Adam). */
export function warmDiscriminator(parts: TrainerParts, real: Batch, z: tf.Tensor, n: number): ParamTree {
  const { generator: g, discriminator: d } = parts;
  let state = parts.discriminatorOptimizer.init({ ...d.params });
  for (let i = 0; i < n; i++) {
    const next = tf.tidy(() => {
      const fake = g.generate(z, { training: true }).x;
      const held: tf.Tensor[] = [];
      const out = unrollDiscriminator({
        discriminator: d,
        loss: parts.loss,
        regularizers: parts.regularizers,
        hooks: parts.hooks,
        optimizer: parts.discriminatorOptimizer,
        params: { ...d.params },
        state: { ...d.state },
        optimizerState: state,
        real,
        fake,
        context: (trees, realOut, fakeOut) => lossContext(parts, real, z, fake, { ...g.params }, trees, realOut, fakeOut),
        unrollSteps: 1,
        firstOrder: true,
        step: i + 1,
      });
      held.push(...out.held);
      for (const [p, v] of Object.entries(d.params)) v.assign(out.params[p]);
      releaseUnrolled(held);
      return out.optimizerState;
    });
    tf.dispose(Object.values(state));
    state = next;
  }
  return state;
}

export { adam, sgd };
