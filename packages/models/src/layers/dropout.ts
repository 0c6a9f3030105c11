import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '@ganforge/core';
import type { Layer } from './layer.js';

/**
 * Inverted dropout (Srivastava et al. 2014, JMLR 15): in training, y = x·m/(1 − p) with
 * m ~ Bernoulli(1 − p) drawn from `ForwardOptions.rng` (seeded, so runs repeat exactly);
 * identity at inference. No params, no state.
 */
export function dropout(rate: number): Layer {
  if (!(rate >= 0 && rate < 1))
    throw new ConfigError(`dropout rate must be in [0, 1), got ${rate}`, 'dropout');
  return {
    kind: 'dropout',
    init: () => ({ params: {}, state: {} }),
    apply: (_params, state, x, options) => {
      if (!options.training || rate === 0) return { y: x, state };
      if (!options.rng) {
        throw new ConfigError(
          "dropout in training mode needs a random stream: pass ForwardOptions.rng (the run's dropout stream)",
        );
      }
      const uniform = options.rng.uniformArray(x.size);
      const mask = new Float32Array(x.size);
      for (let i = 0; i < mask.length; i++) mask[i] = uniform[i] >= rate ? 1 / (1 - rate) : 0;
      return tf.tidy(() => ({ y: tf.mul(x, tf.tensor(mask, x.shape, 'float32')), state }));
    },
  };
}
