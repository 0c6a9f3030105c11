// Test helpers shared by this package's tests (not exported from the package).
import * as tf from '@tensorflow/tfjs';
export { relativeError, checkParamGradient as gradientVsFiniteDifferences } from '@ganforge/core/testing';
import { Rng, type Discriminator, type ParamTree, type VariableTree } from '@ganforge/core';

/** Reads a scalar tensor and disposes it. */
export function read(t: tf.Tensor): number {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
}

type Act = (x: tf.Tensor) => tf.Tensor;

function variables(tree: ParamTree): VariableTree {
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, tf.variable(v, true)]));
}

/**
 * A tiny functional MLP discriminator `in → hidden → hidden → 1` with a BN-like state entry that
 * its training forward "updates" (so tests can check that R1 never writes state).
 */
export function tinyMlpDiscriminator(inputDim: number, hidden: number, act: Act, seed = 1): Discriminator {
  const rng = new Rng(seed, 'init');
  const init: ParamTree = {
    'layers/0/kernel': rng.normalTensor([inputDim, hidden], 0, 1 / Math.sqrt(inputDim)),
    'layers/0/bias': rng.normalTensor([hidden], 0, 0.1),
    'layers/1/kernel': rng.normalTensor([hidden, hidden], 0, 1 / Math.sqrt(hidden)),
    'layers/1/bias': rng.normalTensor([hidden], 0, 0.1),
    'layers/2/kernel': rng.normalTensor([hidden, 1], 0, 1 / Math.sqrt(hidden)),
    'layers/2/bias': rng.normalTensor([1], 0, 0.1),
  };
  const params = variables(init);
  tf.dispose(Object.values(init));
  const state = { 'layers/0/count': tf.variable(tf.scalar(0), false) };
  return {
    inputShape: [inputDim],
    params,
    state,
    supportsSubstituteParams: true,
    dispose: () => tf.dispose([...Object.values(params), ...Object.values(state)]),
    forward(x, o) {
      const p = o.params ?? params;
      const s = o.state ?? state;
      return tf.tidy(() => {
        const h0 = act(tf.add(tf.matMul(x, p['layers/0/kernel']), p['layers/0/bias']));
        const h1 = act(tf.add(tf.matMul(h0, p['layers/1/kernel']), p['layers/1/bias']));
        const score = tf.add(tf.matMul(h1, p['layers/2/kernel']), p['layers/2/bias']);
        const count = o.training ? tf.add(s['layers/0/count'], 1) : s['layers/0/count'];
        return { score, features: h1, state: { 'layers/0/count': count } };
      });
    },
  };
}

/** A tiny conv discriminator on `[h, w, c]` images: conv 3×3 s2 'same' → act → conv 3×3 s2 → act → dense 1. */
export function tinyConvDiscriminator(
  size: number,
  channels: number,
  filters: number,
  act: Act,
  seed = 2,
): Discriminator {
  const rng = new Rng(seed, 'init');
  const out = Math.ceil(Math.ceil(size / 2) / 2);
  const init: ParamTree = {
    'layers/0/kernel': rng.normalTensor([3, 3, channels, filters], 0, 1 / Math.sqrt(9 * channels)),
    'layers/0/bias': rng.normalTensor([filters], 0, 0.1),
    'layers/1/kernel': rng.normalTensor([3, 3, filters, filters], 0, 1 / Math.sqrt(9 * filters)),
    'layers/1/bias': rng.normalTensor([filters], 0, 0.1),
    'layers/2/kernel': rng.normalTensor([out * out * filters, 1], 0, 1 / Math.sqrt(out * out * filters)),
    'layers/2/bias': rng.normalTensor([1], 0, 0.1),
  };
  const params = variables(init);
  tf.dispose(Object.values(init));
  return {
    inputShape: [size, size, channels],
    params,
    state: {},
    supportsSubstituteParams: true,
    dispose: () => tf.dispose(Object.values(params)),
    forward(x, o) {
      const p = o.params ?? params;
      return tf.tidy(() => {
        const h0 = act(
          tf.add(
            tf.conv2d(x as tf.Tensor4D, p['layers/0/kernel'] as tf.Tensor4D, 2, 'same'),
            p['layers/0/bias'],
          ),
        );
        const h1 = act(
          tf.add(
            tf.conv2d(h0 as tf.Tensor4D, p['layers/1/kernel'] as tf.Tensor4D, 2, 'same'),
            p['layers/1/bias'],
          ),
        );
        const features = tf.reshape(h1, [x.shape[0], -1]);
        const score = tf.add(tf.matMul(features, p['layers/2/kernel']), p['layers/2/bias']);
        return { score, features, state: {} };
      });
    },
  };
}

/** Every pre-activation of the first layers must stay this far from relu's kink for FD to hold. */
export function minAbsPreActivation(d: Discriminator, x: tf.Tensor): number {
  return read(
    tf.tidy(() => {
      const p = d.params;
      const h0 = tf.add(tf.matMul(x, p['layers/0/kernel']), p['layers/0/bias']);
      const h1 = tf.add(tf.matMul(tf.relu(h0), p['layers/1/kernel']), p['layers/1/bias']);
      return tf.minimum(tf.min(tf.abs(h0)), tf.min(tf.abs(h1)));
    }),
  );
}
