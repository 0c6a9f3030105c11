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

/** Options of {@link lstm}. */
export interface LstmOptions extends RecurrentOptions {
  /**
   * Added to the forget gate's block of `bias` after it is drawn (default 0, PyTorch's; 1 is the
   * value Gers et al. 2000 and Jozefowicz et al. 2015 recommend, Keras' `unit_forget_bias`): a
   * positive forget bias keeps the cell's memory early in training.
   */
  forgetBias?: number;
}

/**
 * A long short-term memory layer (Hochreiter & Schmidhuber 1997, Neural Computation 9(8); with the
 * forget gate of Gers et al. 2000), in PyTorch's `nn.LSTM` form:
 *
 *   i_t = σ(x_t·W_i + b_i + h_{t−1}·U_i + c_i)
 *   f_t = σ(x_t·W_f + b_f + h_{t−1}·U_f + c_f)
 *   g_t = tanh(x_t·W_g + b_g + h_{t−1}·U_g + c_g)
 *   o_t = σ(x_t·W_o + b_o + h_{t−1}·U_o + c_o)
 *   c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t,   h_t = o_t ⊙ tanh(c_t),   h_0 = c_0 = 0
 *
 * Gate order i, f, g, o (PyTorch's): W = [W_i W_f W_g W_o] at `kernel` `[inputSize, 4·hidden]`,
 * U at `recurrentKernel` `[hidden, 4·hidden]`, b at `bias` and c at `recurrentBias`
 * `[4·hidden]` (two biases, as PyTorch, so its state dicts load one to one). Default init: every
 * weight and bias U(±1/√hidden), PyTorch's; `forgetBias` shifts b_f.
 *
 * `x` is `[batch, time, inputSize]`; the output is h over time `[batch, time, hidden]` (or the last
 * h, `[batch, hidden]`, with `returnSequences: false`). The loop is unrolled into plain tfjs ops
 * (one matMul for all input projections, one per step for h·U), so gradients of any order flow
 * through it; σ and tanh are exact at second order once core's `installGradientFixes()` has run.
 */
export function lstm(inputSize: number, hidden: number, options: LstmOptions = {}): Layer {
  const settings = recurrentSettings(options);
  const forgetBias = options.forgetBias ?? 0;
  return {
    kind: 'lstm',
    init: (rng) => {
      const params = initRecurrentParams(rng, inputSize, hidden, 4, settings);
      if (forgetBias !== 0 && params.bias) {
        const shift = new Float32Array(4 * hidden).fill(forgetBias, hidden, 2 * hidden);
        const drawn = params.bias;
        params.bias = tf.tidy(() => tf.add(drawn, tf.tensor1d(shift)));
        drawn.dispose();
      }
      return { params, state: {} };
    },
    apply: (params, state, x) =>
      tf.tidy(() => {
        checkSequenceInput(x, inputSize, 'lstm');
        // Both biases act on the sum, so they join the input projection.
        const bias = settings.useBias ? tf.add(params.bias, params.recurrentBias) : undefined;
        const inputs = projectInputs(x, params.kernel, bias);
        const uT = tf.transpose(params.recurrentKernel);
        const states: tf.Tensor[] = [];
        // Transposed states hᵀ, cᵀ [hidden, batch]; h_0 = c_0 = 0: no h·U, no f·c on the first step.
        let h: tf.Tensor | undefined;
        let c: tf.Tensor | undefined;
        for (const xt of inputs) {
          const pre = h ? tf.add(xt, tf.matMul(uT, h)) : xt;
          const [i, f, g, o] = tf.split(pre, 4, 0);
          const ig = tf.mul(tf.sigmoid(i), tf.tanh(g));
          c = c ? tf.add(tf.mul(tf.sigmoid(f), c), ig) : ig;
          h = tf.mul(tf.sigmoid(o), tf.tanh(c));
          states.push(h);
        }
        return { y: recurrentOutput(states, settings.returnSequences), state };
      }),
  };
}
