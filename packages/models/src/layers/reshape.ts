import * as tf from '@tensorflow/tfjs';
import type { Layer } from './layer.js';

/** Reshapes each sample to `shape` (the batch axis is kept): `[n, …]` → `[n, ...shape]`. */
export function reshape(shape: readonly number[]): Layer {
  return {
    kind: 'reshape',
    init: () => ({ params: {}, state: {} }),
    apply: (_params, state, x) => ({ y: tf.reshape(x, [x.shape[0], ...shape]), state }),
  };
}

/** Flattens each sample: `[n, …]` → `[n, ∏…]`. */
export function flatten(): Layer {
  return {
    kind: 'flatten',
    init: () => ({ params: {}, state: {} }),
    apply: (_params, state, x) => ({ y: tf.reshape(x, [x.shape[0], -1]), state }),
  };
}
