import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '@ganforge/core';

/** Options of {@link minibatchDiscrimination}. */
export interface MinibatchDiscriminationLayerOptions {
  /**
   * Leave out the term j = i, c_b(x_i, x_i) = 1 (default true, as both of Salimans et al.'s
   * implementations do: it is a constant that carries no information about the batch).
   */
  excludeSelf?: boolean;
  /**
   * Divide the sum by its number of terms, n − 1 (n with the self term), so o ∈ (0, 1] whatever
   * the batch size (default true, as the authors' ImageNet code does). The raw sum lies in (0, n]:
   * fed to a head initialised for inputs of order 1, its path dominated the generator's gradient
   * 50–500× on the ring and made the remedy worse than none (docs/variants/minibatch.md).
   */
  average?: boolean;
  /**
   * Compare each sample only with the other samples of its group: consecutive rows in groups of
   * `groupSize` (the last group takes the remainder). Default: the whole batch, one group. The
   * pairwise work falls from n²·B·C to n·g·B·C, so large batches stay affordable (batch 512 in
   * groups of 64: 8× less), as Karras et al.'s minibatch stddev uses groups.
   */
  groupSize?: number;
}

/**
 * Minibatch discrimination (Salimans et al. 2016, "Improved Techniques for Training GANs",
 * arXiv:1606.03498, §3.2): for features f(x_i) ∈ R^A of a batch of n samples and a learned tensor
 * T ∈ R^{A×B×C},
 *
 *   M_i = f(x_i)·T ∈ R^{B×C},   c_b(x_i, x_j) = exp(−‖M_{i,b} − M_{j,b}‖_L1),
 *   o(x_i)_b = 1/(n − 1) · Σ_{j ≠ i} c_b(x_i, x_j)   (the defaults),
 *
 * the mean closeness of sample i to the rest of its batch under kernel b. `excludeSelf: false`
 * adds the term j = i (always 1) and `average: false` leaves the sum undivided; with both, o is the
 * paper's formula Σ_j c_b(x_i, x_j) ∈ (0, n].
 *
 * Returns o `[n, B]`: each entry lies in (0, 1] with the defaults and reaches 1 when every sample
 * of the batch has the same M. The pairwise differences take n²·B·C floats (n = 64, B = 100,
 * C = 5: 8 MB; n = 512: 524 MB), so keep B small with large batches, or compare within groups of
 * g samples (`groupSize`: n·g·B·C floats, the sums and n − 1 above then run over the group).
 *
 * @param features `[n, A]`
 * @param T `[A, B, C]`
 */
export function minibatchDiscrimination(
  features: tf.Tensor,
  T: tf.Tensor,
  options: MinibatchDiscriminationLayerOptions = {},
): tf.Tensor2D {
  if (features.rank !== 2 || T.rank !== 3 || features.shape[1] !== T.shape[0]) {
    throw new ConfigError(
      `minibatch discrimination needs features [n, A] and T [A, B, C]; got features [${features.shape.join(', ')}] and T [${T.shape.join(', ')}]`,
    );
  }
  const excludeSelf = options.excludeSelf ?? true;
  const average = options.average ?? true;
  const n = features.shape[0];
  const g = options.groupSize ?? n;
  if (!Number.isInteger(g) || g < 1) {
    throw new ConfigError(`minibatch discrimination: groupSize must be a positive integer; got ${g}`);
  }
  return tf.tidy(() => {
    const [a, b, c] = T.shape;
    const m = tf.matMul(features, tf.reshape(T, [a, b * c]));
    const S = kernelSum(b, c);
    const whole = Math.floor(n / g) * g;
    const parts: tf.Tensor2D[] = [];
    if (whole > 0) parts.push(groupCloseness(whole === n ? m : tf.slice(m, [0, 0], [whole, -1]), g, S));
    if (whole < n) parts.push(groupCloseness(tf.slice(m, [whole, 0], [-1, -1]), n - whole, S));
    const o = parts.length === 1 ? parts[0]! : tf.concat(parts, 0);
    // c_b(x_i, x_i) = exp(−0) = 1 exactly, and its gradient is exactly 0 (M_i − M_i).
    const sum = excludeSelf ? tf.sub(o, 1) : o;
    if (!average) return sum as tf.Tensor2D;
    // Each row's number of terms: its group's size, less one without the self term.
    const size = (rows: number): number => Math.max(1, excludeSelf ? rows - 1 : rows);
    if (whole === n || whole === 0) return tf.div(sum, size(whole === n ? g : n)) as tf.Tensor2D;
    const terms = tf.concat([tf.fill([whole, 1], size(g)), tf.fill([n - whole, 1], size(n - whole))], 0);
    return tf.div(sum, terms) as tf.Tensor2D;
  });
}

/**
 * Σ_j c_b(x_i, x_j) over j in x_i's group, self term included, for M `[G·g, B·C]` in G groups of g
 * consecutive rows: `[G·g, B]`.
 */
function groupCloseness(m: tf.Tensor, g: number, S: tf.Tensor2D): tf.Tensor2D {
  const rows = m.shape[0]!;
  const groups = rows / g;
  const [bc, b] = S.shape;
  const mg = tf.reshape(m, [groups, g, bc]);
  // [G, g, 1, B·C] − [G, 1, g, B·C]: every pair's absolute differences within a group, summed over
  // each kernel's C entries by one matMul with a 0/1 matrix [B·C, B] (a sum over an axis of size C
  // was the layer's slowest kernel on wasm, forward and backward).
  const diff = tf.abs(tf.sub(tf.expandDims(mg, 2), tf.expandDims(mg, 1)));
  const l1 = tf.matMul(tf.reshape(diff, [groups * g * g, bc]), S);
  return tf.reshape(tf.sum(tf.reshape(tf.exp(tf.neg(l1)), [groups, g, g, b]), 2), [rows, b]);
}

/** S ∈ {0, 1}^{B·C × B} with S[b·C + k, b] = 1: x·S sums each kernel's C columns of x. */
function kernelSum(b: number, c: number): tf.Tensor2D {
  const s = new Float32Array(b * c * b);
  for (let k = 0; k < b * c; k++) s[k * b + Math.floor(k / c)] = 1;
  return tf.tensor2d(s, [b * c, b]);
}
