import * as tf from '@tensorflow/tfjs';
import type { Layer } from './layer.js';
import {
  checkSequenceInput,
  initRecurrentParams,
  projectInputs,
  recurrentOutput,
  recurrentSettings,
  type RecurrentOptions,
} from './recurrent.js';

/** Options of {@link gru}. */
export type GruOptions = RecurrentOptions;

/**
 * A gated recurrent unit layer (Cho et al. 2014, arXiv:1406.1078), in PyTorch's `nn.GRU` form
 * (the reset gate applied after the recurrent product, as in cuDNN and Keras' `reset_after`):
 *
 *   r_t = σ(x_t·W_r + b_r + h_{t−1}·U_r + c_r)
 *   z_t = σ(x_t·W_z + b_z + h_{t−1}·U_z + c_z)
 *   n_t = tanh(x_t·W_n + b_n + r_t ⊙ (h_{t−1}·U_n + c_n))
 *   h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1},   h_0 = 0
 *
 * Gate order r, z, n (PyTorch's): W = [W_r W_z W_n] at `kernel` `[inputSize, 3·hidden]`,
 * U at `recurrentKernel` `[hidden, 3·hidden]`, b at `bias` and c at `recurrentBias` `[3·hidden]`.
 * Default init: every weight and bias U(±1/√hidden), PyTorch's.
 *
 * `x` is `[batch, time, inputSize]`; the output `[batch, time, hidden]` (or `[batch, hidden]`,
 * the last state, with `returnSequences: false`). The time loop is unrolled into plain tfjs ops
 * (one matMul for all input projections, one per step for h·U), so gradients of any order flow
 * through it; σ and tanh are exact at second order once core's `installGradientFixes()` has run.
 */
export function gru(inputSize: number, hidden: number, options: GruOptions = {}): Layer {
  const settings = recurrentSettings(options);
  return {
    kind: 'gru',
    init: (rng) => ({ params: initRecurrentParams(rng, inputSize, hidden, 3, settings), state: {} }),
    apply: (params, state, x) =>
      tf.tidy(() => {
        checkSequenceInput(x, inputSize, 'gru');
        // b_r + c_r and b_z + c_z act on the sum, so they join the input projection; c_n stays
        // inside r ⊙ (h·U_n + c_n). The loop works on transposed states hᵀ [hidden, batch].
        let inputBias: tf.Tensor | undefined;
        let cn: tf.Tensor | undefined;
        if (settings.useBias) {
          const [crz, c] = tf.split(params.recurrentBias, [2 * hidden, hidden]);
          inputBias = tf.add(params.bias, tf.concat([crz, tf.zeros([hidden])]));
          cn = tf.reshape(c, [hidden, 1]);
        }
        const inputs = projectInputs(x, params.kernel, inputBias);
        const uT = tf.transpose(params.recurrentKernel);
        const states: tf.Tensor[] = [];
        let h: tf.Tensor | undefined; // h_0 = 0: no recurrent product on the first step
        for (const xt of inputs) {
          const [xrz, xn] = tf.split(xt, [2 * hidden, hidden], 0);
          const [hrz, hn] = h ? tf.split(tf.matMul(uT, h), [2 * hidden, hidden], 0) : [];
          const [r, z] = tf.split(tf.sigmoid(hrz ? tf.add(xrz, hrz) : xrz), 2, 0);
          const recurrent = hn && cn ? tf.add(hn, cn) : (hn ?? cn);
          const n = tf.tanh(recurrent ? tf.add(xn, tf.mul(r, recurrent)) : xn);
          // (1 − z)·n + z·h = n + z·(h − n); with h_0 = 0 the first step is n − z·n
          h = h ? tf.add(n, tf.mul(z, tf.sub(h, n))) : tf.sub(n, tf.mul(z, n));
          states.push(h);
        }
        return { y: recurrentOutput(states, settings.returnSequences), state };
      }),
  };
}
