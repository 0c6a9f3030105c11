import * as tf from '@tensorflow/tfjs';

/**
 * Per-sample shift matrices S `[n, size, size]` with S[b, i, k] = 1 if k = i + shift_b (else 0):
 * S·v moves a column vector v up by shift_b, filling with zeros.
 */
function shiftMatrices(shifts: tf.Tensor, size: number): tf.Tensor {
  const target = tf.add(
    tf.reshape(tf.range(0, size, 1, 'float32'), [1, size, 1]),
    tf.reshape(shifts, [-1, 1, 1]),
  );
  const source = tf.reshape(tf.range(0, size, 1, 'float32'), [1, 1, size]);
  return tf.cast(tf.equal(target, source), 'float32');
}

/**
 * DiffAugment's translation (Zhao et al. 2020, arXiv:2006.10738; `rand_translation` of the
 * reference code): x′[b, i, j] = x[b, i + dy_b, j + dx_b], and 0 where that pixel lies outside
 * the image (the reference pads with zeros). `x` is `[n, H, W, C]`; `dy`, `dx` are `[n]` integer
 * shifts (in the reference, drawn uniformly from {−s, …, s}, s = ⌊ratio·side + 0.5⌋).
 *
 * Computed as x′_b = S_y(b) · x_b · S_x(b)ᵀ with 0/1 shift matrices, two batched matrix products:
 * linear in x, so its gradient (and the second-order gradients of penalties through it) are
 * matMul's, which every backend has, and no shift is read back from the device. (A sum of 2s + 1
 * sliced-and-padded copies was tried: 27× slower on the cpu backend, where pad is per element.)
 */
export function translate(x: tf.Tensor, dy: tf.Tensor, dx: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [n, h, w, c] = x.shape;
    const rows = tf.matMul(shiftMatrices(dy, h), tf.reshape(x, [n, h, w * c]));
    const byColumn = tf.reshape(tf.transpose(tf.reshape(rows, [n, h, w, c]), [0, 2, 1, 3]), [n, w, h * c]);
    const cols = tf.matMul(shiftMatrices(dx, w), byColumn);
    return tf.transpose(tf.reshape(cols, [n, w, h, c]), [0, 2, 1, 3]);
  });
}
