import * as tf from '@tensorflow/tfjs';
import { stopGradient } from '../layers/stop-gradient.js';

/** Options of {@link spectralNormalize}. */
export interface SpectralNormalizeOptions {
  /** Training forward: run the power iteration and return the updated u. */
  training: boolean;
  /** Power iterations per training forward (default 1, as Miyato et al.). */
  powerIterations?: number;
  /** ε inside the vector norms √(Σx² + ε) (default 1e-12). */
  epsilon?: number;
}

/** Output of {@link spectralNormalize}. */
export interface SpectralNormalized {
  /** W / σ(W), shaped like the kernel. */
  kernel: tf.Tensor;
  /** The u vector to store: updated in training, the input u otherwise. */
  u: tf.Tensor;
  /** The estimate σ(W) (no gradient flows into u or v). */
  sigma: tf.Scalar;
}

function normalize(x: tf.Tensor, epsilon: number): tf.Tensor {
  return tf.div(x, tf.sqrt(tf.add(tf.sum(tf.square(x)), epsilon)));
}

/**
 * Spectral normalization (Miyato et al. 2018, arXiv:1802.05957, Algorithm 1): W̄ = W / σ(W), with
 * σ(W) estimated by power iteration on the kernel viewed as a matrix W `[∏ shape[:-1], shape[-1]]`
 * (dense `[in, out]`, conv `[k·k·in, out]`) and a persistent vector u `[shape[-1]]`:
 *
 *   v ← W·u / ‖W·u‖,   u ← Wᵀ·v / ‖Wᵀ·v‖,   σ = vᵀ·W·u
 *
 * In training the iteration runs `powerIterations` times from the stored u and the new u is
 * returned; otherwise u is kept and σ = vᵀWu with v = Wu/‖Wu‖. u and v are constants for the
 * gradient (stop-gradient), so ∂W̄/∂W flows through W and through σ's dependence on W only, as in
 * the paper. With u from state (inference), v maximizes vᵀWu, so this gradient is exact; in a
 * training forward the new u also depends on W, which the stop-gradient ignores (as the paper).
 */
export function spectralNormalize(
  kernel: tf.Tensor,
  u: tf.Tensor,
  options: SpectralNormalizeOptions,
): SpectralNormalized {
  const iterations = options.training ? (options.powerIterations ?? 1) : 0;
  const epsilon = options.epsilon ?? 1e-12;
  return tf.tidy(() => {
    const cols = kernel.shape[kernel.rank - 1];
    const w = tf.reshape(kernel, [-1, cols]);
    const wConst = stopGradient(w);
    // Explicit transposes: matMul's transpose flags are 8–30× slower on wasm (TRAPS.md).
    const wT = tf.transpose(wConst);
    let uCol = tf.reshape(stopGradient(u), [cols, 1]);
    let v = normalize(tf.matMul(wConst, uCol), epsilon);
    for (let i = 0; i < iterations; i++) {
      uCol = normalize(tf.matMul(wT, v), epsilon);
      v = normalize(tf.matMul(wConst, uCol), epsilon);
    }
    const sigma = tf.sum(tf.mul(v, tf.matMul(w, uCol))) as tf.Scalar;
    return {
      kernel: tf.div(kernel, sigma),
      u: iterations > 0 ? tf.reshape(uCol, [cols]) : u,
      sigma,
    };
  });
}
