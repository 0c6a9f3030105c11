import type * as tf from '@tensorflow/tfjs';
import type { ParamTree, Rng } from '@ganforge/core';

/** Options of one layer application. */
export interface LayerApplyOptions {
  /** Training mode: batch statistics (batch norm), dropout masks, power iteration. */
  training: boolean;
  /** Random stream of stochastic layers (dropout); required when one is active. */
  rng?: Rng;
  /**
   * Overrides the running-statistics decay m of layers that keep them (batch norm) in training
   * mode: moving ← m·moving + (1 − m)·batch. Standing statistics pass m = k/(k + 1) on batch k.
   */
  statisticsMomentum?: number;
}

/** The parameters and state a layer starts with. */
export interface LayerInit {
  params: ParamTree;
  state: ParamTree;
}

/** Output of {@link Layer.apply}. */
export interface LayerOutput {
  y: tf.Tensor;
  /** The layer's state after this application (the input state when nothing changed). */
  state: ParamTree;
}

/**
 * A functional layer (Flax/Equinox style): parameters and state are data keyed by a local path
 * (`kernel`, `bias`, `movingMean`), and `apply` is a pure function of them that returns the new
 * state instead of assigning it.
 */
export interface Layer {
  /** What the layer is, e.g. `dense`, `conv2d`, `batch-norm`. */
  readonly kind: string;
  /** Draws the initial parameters from the run's init stream; the caller owns the tensors. */
  init(rng: Rng): LayerInit;
  /** Applies the layer; never assigns, never disposes its inputs. */
  apply(params: ParamTree, state: ParamTree, x: tf.Tensor, options: LayerApplyOptions): LayerOutput;
}

/** Prefixes every key of a tree: `prefixTree('layers/0/', { kernel })` → `{ 'layers/0/kernel' }`. */
export function prefixTree(prefix: string, tree: ParamTree): ParamTree {
  const out: ParamTree = {};
  for (const [key, value] of Object.entries(tree)) out[prefix + key] = value;
  return out;
}

/** The sub-tree under a prefix, with the prefix removed. */
export function subTree(prefix: string, tree: ParamTree): ParamTree {
  const out: ParamTree = {};
  for (const [key, value] of Object.entries(tree))
    if (key.startsWith(prefix)) out[key.slice(prefix.length)] = value;
  return out;
}
