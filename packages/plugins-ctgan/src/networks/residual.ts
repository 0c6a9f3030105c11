import * as tf from '@tensorflow/tfjs';
import { batchNorm, dense, prefixTree, subTree, type Layer } from '@ganforge/models';

/**
 * CTGAN's residual block (Xu et al. 2019, arXiv:1907.00503, §4.4; `Residual` in the reference
 * code): h = ReLU(BN(W·x + b)), y = h ⊕ x (the block's output concatenated to its input), so
 * `[n, inputs]` becomes `[n, units + inputs]`. The dense layer (PyTorch's nn.Linear init,
 * U(±1/√fan_in) for weights and biases) is under `fc/`, batch norm (moving-average decay 0.9,
 * ε 1e-5: PyTorch's BatchNorm1d) under `bn/`; its moving statistics are the block's state,
 * returned, never assigned.
 */
export function residualBlock(inputs: number, units: number): Layer {
  const fc = dense(inputs, units, { init: 'fan-in-uniform' });
  const bn = batchNorm(units);
  return {
    kind: 'ctgan-residual',
    init: (rng) => {
      const f = fc.init(rng);
      const b = bn.init(rng);
      return {
        params: { ...prefixTree('fc/', f.params), ...prefixTree('bn/', b.params) },
        state: { ...prefixTree('fc/', f.state), ...prefixTree('bn/', b.state) },
      };
    },
    apply: (params, state, x, options) =>
      tf.tidy(() => {
        const h = fc.apply(subTree('fc/', params), {}, x, options).y;
        const normalized = bn.apply(subTree('bn/', params), subTree('bn/', state), h, options);
        return {
          y: tf.concat([tf.relu(normalized.y), x], 1),
          state: { ...state, ...prefixTree('bn/', normalized.state) },
        };
      }),
  };
}
