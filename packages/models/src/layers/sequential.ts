import type * as tf from '@tensorflow/tfjs';
import type { ParamTree, Rng } from '@ganforge/core';
import { prefixTree, subTree, type LayerApplyOptions, type LayerInit, type Layer } from './layer.js';

/** Output of {@link applySequential}. */
export interface SequentialOutput {
  y: tf.Tensor;
  /** The input of the last layer (a discriminator's features, before its score head). */
  penultimate: tf.Tensor;
  state: ParamTree;
}

/** Initializes a layer stack; layer i's params and state live under `layers/i/`. */
export function initSequential(layers: readonly Layer[], rng: Rng): LayerInit {
  const params: ParamTree = {};
  const state: ParamTree = {};
  layers.forEach((layer, i) => {
    const init = layer.init(rng);
    Object.assign(params, prefixTree(`layers/${i}/`, init.params));
    Object.assign(state, prefixTree(`layers/${i}/`, init.state));
  });
  return { params, state };
}

/**
 * Applies a layer stack to `x` with params and state keyed `layers/<i>/<name>`; returns the
 * output, the last layer's input and the full new state (unchanged entries passed through).
 * Call it inside `tf.tidy`: intermediate tensors are not disposed here.
 */
export function applySequential(
  layers: readonly Layer[],
  params: ParamTree,
  state: ParamTree,
  x: tf.Tensor,
  options: LayerApplyOptions,
): SequentialOutput {
  let y = x;
  let penultimate = x;
  const newState: ParamTree = { ...state };
  layers.forEach((layer, i) => {
    const prefix = `layers/${i}/`;
    penultimate = y;
    const out = layer.apply(subTree(prefix, params), subTree(prefix, state), y, options);
    y = out.y;
    Object.assign(newState, prefixTree(prefix, out.state));
  });
  return { y, penultimate, state: newState };
}
