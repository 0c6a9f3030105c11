import * as tf from '@tensorflow/tfjs';
import { convGeometry, flipSpatial, signedSpatialPad, sliceSpatial } from './conv-geometry.js';
import type { ConvPad, DimRoundingMode } from './conv-geometry.js';

/**
 * Builds the stride-1 filter of the sub-pixel input gradient:
 * Wt[t, u, co, (a·sW + b)·cin + ci] = w[a + sH(Mh−1−t), b + sW(Mw−1−u), ci, co], zero where the
 * index is ≥ k. All reshapes and transposes stay at rank ≤ 4 (rank ≥ 5 is a slow path on wasm).
 */
function subPixelFilter(w: tf.Tensor4D, sH: number, sW: number): tf.Tensor4D {
  const [kh, kw, cin, cout] = w.shape;
  const mh = Math.ceil(kh / sH);
  const mw = Math.ceil(kw / sW);
  const padded =
    mh * sH > kh || mw * sW > kw
      ? tf.pad(w, [
          [0, mh * sH - kh],
          [0, mw * sW - kw],
          [0, 0],
          [0, 0],
        ])
      : w;
  const phases = tf.transpose(tf.reshape(padded, [mh, sH, mw, sW * cin * cout]), [0, 2, 1, 3]);
  const byTap = tf.transpose(tf.reshape(phases, [mh * mw, sH * sW * cin, cout]), [0, 2, 1]);
  return flipSpatial(tf.reshape(byTap, [mh, mw, cout, sH * sW * cin]));
}

/**
 * Input gradient of y = conv2d(x, w, strides, pad, 'NHWC', dilations) written as ONE forward
 * convolution (plus reshapes), so it runs on XNNPACK on wasm and is differentiable at every order.
 *
 * - Dilation d > 1 (stride 1): dx = conv2d(dy, transpose(flip(w), [0,1,3,2]), 1, pad
 *   [d(k−1) − padT, H + d(k−1) − oh − before], dilation d).
 * - Stride s ≥ 1 (dilation 1), sub-pixel form: with M = ⌈k/s⌉, A0 = ⌊padT/s⌋,
 *   A1 = ⌊(H − 1 + padT)/s⌋, Z = conv2d(dy, Wt, 1, [M − 1 − A0, A1 + 1 − oh]) has s·s·cin
 *   channels, one per output phase; depth-to-space and a crop at padT mod s give dx.
 *
 * Formulas and measurements: ../shared/reference/conv-gradients.md. Returns [N, H, W, cin].
 */
export function conv2dInputGradient(
  dy: tf.Tensor4D,
  w: tf.Tensor4D,
  xShape: [number, number, number, number],
  strides: number | [number, number],
  pad: ConvPad,
  dilations: number | [number, number] = 1,
  dimRoundingMode?: DimRoundingMode,
): tf.Tensor4D {
  return tf.tidy((): tf.Tensor4D => {
    const g = convGeometry(xShape, w.shape, strides, pad, dilations, dimRoundingMode);
    const { inHeight: H, inWidth: W, outHeight: oh, outWidth: ow, padTop, padLeft } = g;
    if (g.dilationHeight > 1 || g.dilationWidth > 1) {
      const dh = g.dilationHeight * (g.filterHeight - 1);
      const dw = g.dilationWidth * (g.filterWidth - 1);
      const top = dh - padTop;
      const left = dw - padLeft;
      const p = signedSpatialPad(dy, [top, H + dh - oh - top], [left, W + dw - ow - left]);
      const wt = tf.transpose(flipSpatial(w), [0, 1, 3, 2]) as tf.Tensor4D;
      return tf.conv2d(p.x, wt, 1, p.pad, 'NHWC', [g.dilationHeight, g.dilationWidth]);
    }
    const sH = g.strideHeight;
    const sW = g.strideWidth;
    const mh = Math.ceil(g.filterHeight / sH);
    const mw = Math.ceil(g.filterWidth / sW);
    const a0h = Math.floor(padTop / sH);
    const a1h = Math.floor((H - 1 + padTop) / sH);
    const a0w = Math.floor(padLeft / sW);
    const a1w = Math.floor((W - 1 + padLeft) / sW);
    const p = signedSpatialPad(dy, [mh - 1 - a0h, a1h + 1 - oh], [mw - 1 - a0w, a1w + 1 - ow]);
    if (sH === 1 && sW === 1) {
      const wt = tf.transpose(flipSpatial(w), [0, 1, 3, 2]) as tf.Tensor4D;
      return tf.conv2d(p.x, wt, 1, p.pad);
    }
    const z = tf.conv2d(p.x, subPixelFilter(w, sH, sW), 1, p.pad);
    const [n, rows, cols] = z.shape;
    const cin = g.inChannels;
    // Depth-to-space with rank ≤ 4 views (tf.depthToSpace is slow on wasm and has no gradient).
    const rowsFirst = tf.transpose(tf.reshape(z, [n * rows, cols, sH, sW * cin]), [0, 2, 1, 3]);
    const u = tf.reshape(rowsFirst, [n, rows * sH, cols * sW, cin]);
    return sliceSpatial(u as tf.Tensor4D, padTop % sH, padLeft % sW, H, W);
  });
}
