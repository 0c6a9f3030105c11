import * as tf from '@tensorflow/tfjs';
import type { Layer } from './layer.js';

/**
 * Applies `layer` to every time step of a sequence with shared params: `[batch, time, …]` is
 * reshaped to `[batch·time, …]`, `layer` runs once on it, and the result is reshaped back to
 * `[batch, time, …]`. Params and state keep `layer`'s own paths (`kernel`, `bias`), so a per-step
 * `dense` head is y_t = h_t·W + b for every t.
 */
export function timeDistributed(layer: Layer): Layer {
  return {
    kind: `time-distributed-${layer.kind}`,
    init: (rng) => layer.init(rng),
    apply: (params, state, x, options) =>
      tf.tidy(() => {
        const [batch, time, ...rest] = x.shape;
        const out = layer.apply(params, state, tf.reshape(x, [batch * time, ...rest]), options);
        return { y: tf.reshape(out.y, [batch, time, ...out.y.shape.slice(1)]), state: out.state };
      }),
  };
}

/** Averages a sequence over time: `[batch, time, features]` → `[batch, features]`, y = (1/T)·Σ_t x_t. */
export function meanOverTime(): Layer {
  return {
    kind: 'mean-over-time',
    init: () => ({ params: {}, state: {} }),
    apply: (_params, state, x) => ({ y: tf.mean(x, 1), state }),
  };
}
