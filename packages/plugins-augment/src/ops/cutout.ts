import * as tf from '@tensorflow/tfjs';

/** 1 where start_b ≤ index < start_b + length, `[n, size]`. */
function inside(start: tf.Tensor, length: number, size: number): tf.Tensor {
  const index = tf.reshape(tf.range(0, size, 1, 'float32'), [1, size]);
  const s = tf.reshape(start, [-1, 1]);
  return tf.cast(tf.logicalAnd(tf.greaterEqual(index, s), tf.less(index, tf.add(s, length))), 'float32');
}

/**
 * DiffAugment's cutout (Zhao et al. 2020, arXiv:2006.10738, after DeVries & Taylor 2017,
 * arXiv:1708.04552; `rand_cutout` of the reference code): x′ = x · m with m[b, i, j] = 0 inside
 * the rectangle of rows [top_b, top_b + height) and columns [left_b, left_b + width), 1
 * elsewhere (the part inside the image). `x` is `[n, H, W, C]`; `top`, `left` are `[n]`
 * integers, possibly negative; a rectangle wholly outside the image cuts nothing. In the
 * reference, top = o − ⌊height/2⌋ with o uniform on {0, …, H − (height mod 2)}.
 */
export function cutout(
  x: tf.Tensor,
  top: tf.Tensor,
  left: tf.Tensor,
  height: number,
  width: number,
): tf.Tensor {
  return tf.tidy(() => {
    const [n, h, w] = x.shape;
    const rows = tf.reshape(inside(top, height, h), [n, h, 1, 1]);
    const cols = tf.reshape(inside(left, width, w), [n, 1, w, 1]);
    return tf.mul(x, tf.sub(1, tf.mul(rows, cols)));
  });
}
