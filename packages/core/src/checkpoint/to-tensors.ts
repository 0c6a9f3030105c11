import * as tf from '@tensorflow/tfjs';
import type { ParamTree } from '../types/network.js';
import type { DecodedTensor } from './format.js';

/**
 * Makes tensors from one decoded group (`decoded.tensors['generator/params']`), each with the
 * dtype it was saved with. The caller owns (and disposes or assigns) the result.
 */
export function tensorsFromGroup(group: Record<string, DecodedTensor>): ParamTree {
  const out: ParamTree = {};
  for (const [path, t] of Object.entries(group)) {
    out[path] =
      t.dtype === 'float32'
        ? tf.tensor(t.values, t.shape, 'float32')
        : tf.tensor(Array.from(t.values), t.shape, t.dtype);
  }
  return out;
}
