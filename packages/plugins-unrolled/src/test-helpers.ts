import * as tf from '@tensorflow/tfjs';
import {
  adam,
  createRngStreams,
  sgd,
  type Batch,
  type BatchSampler,
  type Discriminator,
  type DiscriminatorScores,
  type GanLoss,
  type Generator,
  type Hook,
  type LossContext,
  type Optimizer,
  type ParamTree,
  type Regularizer,
  type Rng,
  type TrainerParts,
} from '@ganforge/core';
import {
  testingNonSaturatingLoss,
  tinyMlpDiscriminator,
  tinyMlpGenerator,
  type TinyActivation,
} from '@ganforge/core/testing';
import { releaseUnrolled, unrollDiscriminator, type DiscriminatorTrees } from './unroll-discriminator.js';

/** Options of {@link tinyParts}. */
export interface TinyPartsOptions {
  dOptimizer?: Optimizer;
  gOptimizer?: Optimizer;
  activation?: TinyActivation;
  hidden?: number;
  dSteps?: number;
  batchSize?: number;
  loss?: GanLoss;
  regularizers?: Regularizer[];
  hooks?: Hook[];
  /** Give D a running-mean state ({@link statefulDiscriminator}). */
  statefulD?: boolean;
  /** Conditional G and D on one-hot labels of this many classes. */
  classes?: number;
}

/** Tiny parts for the trainer tests: 2-D data, latent 2, tanh MLPs (no kinks where gradients are checked). */
export function tinyParts(seed: number, o: TinyPartsOptions = {}): TrainerParts {
  const streams = createRngStreams(seed);
  const hidden = [o.hidden ?? 8];
  const activation = o.activation ?? 'tanh';
  const classes = o.classes ?? 0;
  let generator = tinyMlpGenerator(2 + classes, [2], streams.init, { hidden, activation });
  let discriminator = tinyMlpDiscriminator([2 + classes], streams.init, { hidden, activation });
  if (classes > 0) {
    generator = conditionalGenerator(generator, 2);
    discriminator = conditionalDiscriminator(discriminator, [2]);
  }
  if (o.statefulD) discriminator = statefulDiscriminator(discriminator);
  return {
    generator,
    discriminator,
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
      context: (trees, realOut, fakeOut) =>
        lossContext(parts, real, z, fake, gParams, trees, realOut, fakeOut),
      unrollSteps,
      firstOrder,
      step: 1,
    });
    held.push(...unrolled.held);
    const trees = { params: unrolled.params, state: unrolled.state };
    const fakeOut = d.forward(fake, { training: true, cond: real.labels, ...trees });
    const ctx = lossContext(
      parts,
      real,
      z,
      fake,
      gParams,
      trees,
      () => d.forward(real.x, { training: true, ...trees }),
      fakeOut,
    );
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
        context: (trees, realOut, fakeOut) =>
          lossContext(parts, real, z, fake, { ...g.params }, trees, realOut, fakeOut),
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

/**
 * A discriminator with non-trainable state: a running mean of its inputs (like batch-norm's
 * moving statistics), subtracted before the inner MLP and updated on every training pass.
 */
export function statefulDiscriminator(inner: Discriminator, momentum = 0.9): Discriminator {
  const dim = inner.inputShape.reduce((a, b) => a * b, 1);
  const initial = tf.fill([dim], 0.25);
  const state = { 'running/mean': tf.variable(initial, false) };
  initial.dispose();
  return {
    params: inner.params,
    state,
    supportsSubstituteParams: true,
    inputShape: inner.inputShape,
    forward(x, o) {
      const s = o.state ?? state;
      const mean = tf.add(tf.mul(s['running/mean'], momentum), tf.mul(tf.mean(x, 0), 1 - momentum));
      const out = inner.forward(tf.sub(x, s['running/mean']), { ...o, state: {} });
      return {
        score: out.score,
        features: out.features,
        state: o.training ? { 'running/mean': mean } : { ...s },
      };
    },
    dispose() {
      inner.dispose();
      state['running/mean'].dispose();
    },
  };
}

/** Wraps a network so it reads `cond` (concatenated to its input) and throws without it. */
export function conditionalDiscriminator(inner: Discriminator, inputShape: readonly number[]): Discriminator {
  return {
    params: inner.params,
    state: inner.state,
    supportsSubstituteParams: true,
    inputShape,
    forward(x, o) {
      if (o.cond === undefined) throw new TypeError('conditional test discriminator called without cond');
      return inner.forward(tf.concat([tf.reshape(x, [x.shape[0], -1]), o.cond], 1), o);
    },
    dispose: () => inner.dispose(),
  };
}

/** A conditional generator: G(z ‖ cond). */
export function conditionalGenerator(inner: Generator, latentDim: number): Generator {
  return {
    params: inner.params,
    state: inner.state,
    supportsSubstituteParams: true,
    latentDim,
    outputShape: inner.outputShape,
    generate(z, o) {
      if (o.cond === undefined) throw new TypeError('conditional test generator called without cond');
      return inner.generate(tf.concat([z, o.cond], 1), o);
    },
    dispose: () => inner.dispose(),
  };
}

/** 2-D points around (1.5, −1) drawn from the data stream; with `classes`, one-hot labels too. */
export function pointSampler(rng: Rng, classes = 0): BatchSampler {
  let drawn = 0;
  return {
    next(n) {
      const x = tf.tidy(() =>
        tf.add(tf.tensor(rng.normalArray(2 * n, 0, 0.5), [n, 2]), tf.tensor([[1.5, -1]])),
      );
      const labels =
        classes > 0
          ? tf.tidy(() =>
              tf
                .oneHot(
                  tf.tensor1d(
                    Array.from({ length: n }, () => rng.int(classes)),
                    'int32',
                  ),
                  classes,
                )
                .toFloat(),
            )
          : undefined;
      drawn += n;
      return labels ? { x, labels } : { x };
    },
    state: () => ({ drawn }),
    restore: (s) => {
      drawn = (s as { drawn: number }).drawn;
    },
  };
}

/** Every tensor of the trees, read out (for bit-exact comparisons). */
export function readTrees(trees: Record<string, ParamTree>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [group, tree] of Object.entries(trees))
    for (const [p, t] of Object.entries(tree)) out[`${group}/${p}`] = Array.from(t.dataSync());
  return out;
}

export { adam, sgd };
