import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../errors.js';
import type { ParamTree } from '../types/network.js';

/**
 * The state key of one per-parameter slot: `<slot>/<param path>`, e.g. `m/layers/0/kernel`.
 * Scalar state (Adam's bias-correction powers) uses keys without a slash, so the two never clash.
 */
export function slotKey(slot: string, path: string): string {
  return `${slot}/${path}`;
}

/** Zeros shaped like every parameter, keyed `<slot>/<path>` (a slot's initial state). */
export function zeroSlots(slot: string, params: ParamTree): ParamTree {
  const out: ParamTree = {};
  for (const [path, p] of Object.entries(params)) out[slotKey(slot, path)] = tf.zerosLike(p);
  return out;
}

/** The state tensor under `key`, or a {@link ConfigError} saying the state does not fit the params. */
export function stateEntry(optimizer: string, state: ParamTree, key: string): tf.Tensor {
  const t = state[key];
  if (t === undefined) {
    throw new ConfigError(
      `${optimizer} state has no entry '${key}': the state was made for other parameters ` +
        `(call init(params) again, or load the optimizer state saved with these parameters)`,
    );
  }
  return t;
}

/** Checks a finite positive learning rate and other numeric hyperparameters at construction. */
export function checkHyper(
  optimizer: string,
  name: string,
  value: number,
  lo: number,
  hi: number,
  loInclusive = true,
  hiInclusive = false,
): void {
  const ok =
    Number.isFinite(value) &&
    (loInclusive ? value >= lo : value > lo) &&
    (hiInclusive ? value <= hi : value < hi);
  if (!ok) {
    const range = `${loInclusive ? '[' : '('}${lo}, ${hi}${hiInclusive ? ']' : ')'}`;
    throw new ConfigError(`${optimizer}: ${name} must be in ${range}, got ${value}`, name);
  }
}
