import * as tf from '@tensorflow/tfjs';
import {
  ConfigError,
  type Discriminator,
  type DiscriminatorOutput,
  type ForwardOptions,
  type ParamTree,
  type Rng,
  type VariableTree,
} from '@ganforge/core';
import type { BatchFeature } from './batch-feature.js';
import { probeFeatures } from './feature-params.js';

/** Prefix of the body's params and state inside the wrapper: `body/layers/0/kernel`. */
export const BODY_PREFIX = 'body/';
/** Paths of the new linear head: `head/kernel` `[A + width, 1]` and `head/bias` `[1]`. */
export const HEAD_KERNEL_PATH = 'head/kernel';
/** See {@link HEAD_KERNEL_PATH}. */
export const HEAD_BIAS_PATH = 'head/bias';

/**
 * A discriminator that scores h(x_i) = [f(x_i), b(x)_i] with a new linear head w·h + c, where f is
 * a body discriminator's `features` output and b a {@link BatchFeature} of the whole batch (Salimans
 * et al. 2016, arXiv:1606.03498, §3.2: "concatenated to the features before the head"). Its
 * `features` output is h.
 *
 * Params: the body's under `body/` (only those its features depend on; the body's own score head
 * is never used, so it is left out, see {@link probeFeatures}), the batch feature's (e.g.
 * `minibatch/T`), `head/kernel` and `head/bias`. State: the body's under `body/`. Substitute
 * params and state pass through to the body, so the wrapper composes with the unrolled trainer and
 * with `spectral-norm`; the new state is returned, never assigned.
 *
 * Real and fake batches are scored by separate forward passes (the default trainer does), so each
 * batch feature compares a sample with its own batch only, as in the paper.
 */
export class BatchFeatureDiscriminator implements Discriminator {
  readonly params: VariableTree;
  readonly state: VariableTree;
  readonly supportsSubstituteParams: boolean;
  /** Width A of the body's flattened features. */
  readonly featureDim: number;
  private readonly hidden: VariableTree = {};
  private readonly own: tf.Variable[] = [];

  constructor(
    readonly body: Discriminator,
    readonly feature: BatchFeature,
    rng: Rng,
    options: { numClasses?: number } = {},
  ) {
    const probe = probeFeatures(body, options.numClasses);
    this.featureDim = probe.featureDim;
    this.supportsSubstituteParams = body.supportsSubstituteParams;
    const kept = new Set(probe.featurePaths);
    const params: VariableTree = {};
    for (const [path, v] of Object.entries(body.params)) {
      if (kept.has(path)) params[BODY_PREFIX + path] = v;
      else this.hidden[path] = v;
    }
    const fan = this.featureDim + feature.width;
    const limit = Math.sqrt(6 / (fan + 1));
    const init: ParamTree = {
      ...feature.init(rng, this.featureDim),
      [HEAD_KERNEL_PATH]: tf.tensor2d(rng.uniformArray(fan, -limit, limit), [fan, 1]),
      [HEAD_BIAS_PATH]: tf.zeros([1]),
    };
    for (const [path, t] of Object.entries(init)) {
      if (path in params) throw new ConfigError(`${feature.kind}: param path ${path} is taken`);
      // No variable names: tfjs names are global counters (TRAPS.md); the path is the identity.
      params[path] = tf.variable(t, true);
      this.own.push(params[path]);
      t.dispose();
    }
    this.params = params;
    this.state = prefixTree(body.state);
  }

  get inputShape(): readonly number[] {
    return this.body.inputShape;
  }

  forward(x: tf.Tensor, options: ForwardOptions): DiscriminatorOutput {
    return tf.tidy(() => {
      const params = resolve(this.params, options.params, 'params');
      const substitute = options.params !== undefined || options.state !== undefined;
      const bodyOptions: ForwardOptions = substitute
        ? {
            ...options,
            params: { ...this.hidden, ...unprefixTree(params) },
            state: unprefixTree(resolve(this.state, options.state, 'state')),
          }
        : { ...options, params: undefined, state: undefined };
      const out = this.body.forward(x, bodyOptions);
      const f = tf.reshape(out.features, [x.shape[0], this.featureDim]);
      const h = tf.concat([f, this.feature.apply(params, f)], 1);
      const score = tf.add(tf.matMul(h, params[HEAD_KERNEL_PATH]), params[HEAD_BIAS_PATH]);
      return { score, features: h, state: prefixTree(out.state) };
    });
  }

  dispose(): void {
    this.body.dispose();
    tf.dispose(this.own);
  }
}

function prefixTree<T extends tf.Tensor>(tree: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(tree)) out[BODY_PREFIX + key] = value;
  return out;
}

function unprefixTree(tree: ParamTree): ParamTree {
  const out: ParamTree = {};
  for (const [key, value] of Object.entries(tree)) {
    if (key.startsWith(BODY_PREFIX)) out[key.slice(BODY_PREFIX.length)] = value;
  }
  return out;
}

function resolve(own: VariableTree, substitute: ParamTree | undefined, what: 'params' | 'state'): ParamTree {
  if (substitute === undefined) return own;
  const missing = Object.keys(own).filter((key) => !(key in substitute));
  if (missing.length > 0) {
    throw new ConfigError(
      `substitute ${what} lack ${missing.length} path(s) of the discriminator: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`,
    );
  }
  return substitute;
}
