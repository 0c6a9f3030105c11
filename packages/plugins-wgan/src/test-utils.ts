// Test helpers of this package's tests (not exported from the package).
import * as tf from '@tensorflow/tfjs';
import {
  Rng,
  type Discriminator,
  type GanConfig,
  type LossContext,
  type ParamTree,
  type VariableTree,
} from '@ganforge/core';
import { checkGradient } from '@ganforge/core/testing';
import { assert } from 'vitest';
import { gradientPenalty } from './gradient-penalty.js';

/** Hidden activations of the test critics. */
export type TestActivation = 'leaky-relu' | 'relu' | 'tanh';

function act(x: tf.Tensor, a: TestActivation): tf.Tensor {
  if (a === 'relu') return tf.relu(x);
  if (a === 'tanh') return tf.tanh(x);
  return tf.leakyRelu(x, 0.2);
}

function variables(tree: ParamTree): VariableTree {
  const vars = Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, tf.variable(v, true)]));
  tf.dispose(Object.values(tree));
  return vars;
}

/** A test critic that also reports every hidden pre-activation (to keep FD away from kinks). */
export interface TestCritic extends Discriminator {
  preActivations(x: tf.Tensor, params?: ParamTree): tf.Tensor[];
}

/** An MLP critic `in → hidden → hidden → 1` with the given hidden activation, weights from `seed`. */
export function mlpCritic(
  inputDim: number,
  hidden: number,
  activation: TestActivation,
  seed = 1,
): TestCritic {
  const rng = new Rng(seed, 'init');
  const params = variables({
    'layers/0/kernel': rng.normalTensor([inputDim, hidden], 0, 1 / Math.sqrt(inputDim)),
    'layers/0/bias': rng.normalTensor([hidden], 0, 0.1),
    'layers/1/kernel': rng.normalTensor([hidden, hidden], 0, 1 / Math.sqrt(hidden)),
    'layers/1/bias': rng.normalTensor([hidden], 0, 0.1),
    'layers/2/kernel': rng.normalTensor([hidden, 1], 0, 1 / Math.sqrt(hidden)),
    'layers/2/bias': rng.normalTensor([1], 0, 0.1),
  });
  const run = (x: tf.Tensor, p: ParamTree) => {
    const a0 = tf.add(tf.matMul(x, p['layers/0/kernel']), p['layers/0/bias']);
    const a1 = tf.add(tf.matMul(act(a0, activation), p['layers/1/kernel']), p['layers/1/bias']);
    const h1 = act(a1, activation);
    return { pre: [a0, a1], h1, score: tf.add(tf.matMul(h1, p['layers/2/kernel']), p['layers/2/bias']) };
  };
  return {
    inputShape: [inputDim],
    params,
    state: {},
    supportsSubstituteParams: true,
    dispose: () => tf.dispose(Object.values(params)),
    forward: (x, o) =>
      tf.tidy(() => {
        const { h1, score } = run(x, o.params ?? params);
        return { score, features: h1, state: o.state ?? {} };
      }),
    preActivations: (x, p) => tf.tidy(() => run(x, p ?? params).pre),
  };
}

/** A conv critic on `[size, size, channels]`: conv 3×3 s2 → act → conv 3×3 s2 → act → dense 1. */
export function convCritic(
  size: number,
  channels: number,
  filters: number,
  activation: TestActivation,
  seed = 2,
): TestCritic {
  const rng = new Rng(seed, 'init');
  const out = Math.ceil(Math.ceil(size / 2) / 2);
  const params = variables({
    'layers/0/kernel': rng.normalTensor([3, 3, channels, filters], 0, 1 / Math.sqrt(9 * channels)),
    'layers/0/bias': rng.normalTensor([filters], 0, 0.1),
    'layers/1/kernel': rng.normalTensor([3, 3, filters, filters], 0, 1 / Math.sqrt(9 * filters)),
    'layers/1/bias': rng.normalTensor([filters], 0, 0.1),
    'layers/2/kernel': rng.normalTensor([out * out * filters, 1], 0, 1 / Math.sqrt(out * out * filters)),
    'layers/2/bias': rng.normalTensor([1], 0, 0.1),
  });
  const run = (x: tf.Tensor, p: ParamTree) => {
    const a0 = tf.add(
      tf.conv2d(x as tf.Tensor4D, p['layers/0/kernel'] as tf.Tensor4D, 2, 'same'),
      p['layers/0/bias'],
    );
    const a1 = tf.add(
      tf.conv2d(act(a0, activation) as tf.Tensor4D, p['layers/1/kernel'] as tf.Tensor4D, 2, 'same'),
      p['layers/1/bias'],
    );
    const features = tf.reshape(act(a1, activation), [x.shape[0], -1]);
    return {
      pre: [a0, a1],
      features,
      score: tf.add(tf.matMul(features, p['layers/2/kernel']), p['layers/2/bias']),
    };
  };
  return {
    inputShape: [size, size, channels],
    params,
    state: {},
    supportsSubstituteParams: true,
    dispose: () => tf.dispose(Object.values(params)),
    forward: (x, o) =>
      tf.tidy(() => {
        const { features, score } = run(x, o.params ?? params);
        return { score, features, state: o.state ?? {} };
      }),
    preActivations: (x, p) => tf.tidy(() => run(x, p ?? params).pre),
  };
}

/** min |pre-activation| of the critic at `x`. */
export function kinkMargin(critic: TestCritic, x: tf.Tensor): number {
  const pre = critic.preActivations(x);
  const m = tf.tidy(() => tf.min(tf.stack(pre.map((a) => tf.min(tf.abs(a))))));
  const v = m.dataSync()[0];
  tf.dispose([m, ...pre]);
  return v;
}

/** Inputs of one gradient-penalty check: real and fake batches and per-sample ε. */
export interface PenaltyInputs {
  real: tf.Tensor;
  fake: tf.Tensor;
  epsilon: tf.Tensor;
  dispose(): void;
}

/** Draws real, fake and ε from `seed` (fake is real-like data shifted by 0.5). */
export function penaltyInputs(shape: number[], seed: number): PenaltyInputs {
  const rng = new Rng(seed, 'inputs');
  const real = rng.normalTensor(shape);
  const fake = rng.normalTensor(shape, 0.5, 1);
  const epsilon = rng.uniformTensor([shape[0]]);
  return { real, fake, epsilon, dispose: () => tf.dispose([real, fake, epsilon]) };
}

/**
 * Gradient of the (unweighted) gradient penalty with respect to every critic param against
 * central finite differences (core/testing's checkGradient over the params flattened into one
 * vector): the whole-tensor relative error. Draws inputs from seeds 1, 2, … until every hidden
 * pre-activation at the interpolates is at least `margin` from 0 (TRAPS.md: kinks).
 */
export function penaltyGradientCheck(
  critic: TestCritic,
  sampleShape: number[],
  batch: number,
  options: { oneSided?: boolean; margin?: number } = {},
): { relativeError: number; seed: number; margin: number; entries: number } {
  const margin = options.margin ?? 0.02;
  for (let seed = 1; seed <= 200; seed++) {
    const inputs = penaltyInputs([batch, ...sampleShape], seed);
    const xHat = tf.tidy(() => {
      const e = tf.reshape(inputs.epsilon, [batch, ...sampleShape.map(() => 1)]);
      return tf.add(tf.mul(e, inputs.real), tf.mul(tf.sub(1, e), inputs.fake));
    });
    const found = kinkMargin(critic, xHat);
    xHat.dispose();
    if (found < margin) {
      inputs.dispose();
      continue;
    }
    const keys = Object.keys(critic.params).sort();
    const shapes = keys.map((k) => critic.params[k].shape);
    const sizes = keys.map((k) => critic.params[k].size);
    const flat = tf.tidy(() => tf.concat(keys.map((k) => tf.reshape(critic.params[k], [-1]))));
    const f = (v: tf.Tensor): tf.Scalar => {
      const parts = tf.split(v, sizes);
      const params = Object.fromEntries(keys.map((k, i) => [k, tf.reshape(parts[i], shapes[i])]));
      return gradientPenalty(critic, inputs.real, inputs.fake, inputs.epsilon, {
        params,
        oneSided: options.oneSided,
      }).penalty;
    };
    const check = checkGradient(f, flat);
    tf.dispose(flat);
    inputs.dispose();
    return { relativeError: check.relativeError, seed, margin: found, entries: check.analytic.length };
  }
  return assert.fail(`no inputs with every pre-activation ≥ ${margin} from 0 in 200 seeds`);
}

/**
 * A linear critic D(x) = s·(x·w) + b whose scale s is non-trainable state under `statePath`
 * (named like batch norm's when asked), so ∇ₓD = s·w for every sample: the penalty is known in
 * closed form. Its training forward returns s + 1 as new state (never to be committed by GP).
 */
export function linearCritic(w: number[], statePath = 'layers/0/scale'): Discriminator {
  const params: VariableTree = {
    'layers/0/kernel': tf.variable(tf.tensor2d(w, [w.length, 1]), true),
    'layers/0/bias': tf.variable(tf.tensor1d([0.3]), true),
  };
  const state: VariableTree = { [statePath]: tf.variable(tf.scalar(1), false) };
  return {
    inputShape: [w.length],
    params,
    state,
    supportsSubstituteParams: true,
    dispose: () => tf.dispose([...Object.values(params), ...Object.values(state)]),
    forward: (x, o) =>
      tf.tidy(() => {
        const p = o.params ?? params;
        const s = (o.state ?? state)[statePath];
        const score = tf.add(tf.mul(s, tf.matMul(x, p['layers/0/kernel'])), p['layers/0/bias']);
        return { score, features: x, state: { [statePath]: o.training ? tf.add(s, 1) : s } };
      }),
  };
}

/** The part of a LossContext a D-side regularizer reads, around critic `d`. */
export function criticContext(
  d: Discriminator,
  real: tf.Tensor,
  fake: tf.Tensor,
  rng: Rng,
  overrides: Partial<LossContext> = {},
): LossContext {
  return {
    real: { x: real },
    fake,
    z: fake,
    d,
    dParams: { ...d.params },
    dState: { ...d.state },
    rng,
    step: 1,
    ...overrides,
  } as LossContext;
}

/** A tiny 1-D run on core's testing components (tiny-mlp nets, a two-mode mixture). */
export function tinyConfig(extra: Partial<GanConfig>): GanConfig {
  return {
    seed: 1,
    backend: 'cpu',
    data: { kind: 'testing-mixture-1d', means: [-2, 2], std: 0.2 },
    generator: { kind: 'tiny-mlp', hidden: [8] },
    discriminator: { kind: 'tiny-mlp', hidden: [8] },
    latentDim: 2,
    batchSize: 16,
    ...extra,
  };
}
