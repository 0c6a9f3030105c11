import * as tf from '@tensorflow/tfjs';
import { convGeometry } from './conv-geometry.js';
import type { ConvPad, DimRoundingMode } from './conv-geometry.js';

/**
 * Filter gradient of y = conv2d(x, w, s, pad, 'NHWC', d) written as ONE forward convolution:
 * with xt = x viewed as [cin, H, W, N] and dyt = dy viewed as [oh, ow, N, cout],
 * g = conv2d(xt, dyt, strides = d, pad [padT, d(k−1) + s(oh−1) + 1 − H − padT], dilations = s)
 * is [cin, k, k, cout], and dW = g transposed to [k, k, cin, cout]. Rows of x that no output
 * reads (a negative bottom pad) are sliced off first.
 *
 * Why: wasm has no Conv2DBackpropFilter kernel and tfjs' has no gradient; this runs on XNNPACK
 * and is differentiable at every order (its own filter gradient swaps stride and dilation, and
 * tfjs never needs both > 1). Reference: ../shared/reference/conv-gradients.md.
 */
export function conv2dFilterGradient(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  filterShape: [number, number, number, number],
  strides: number | [number, number],
  pad: ConvPad,
  dilations: number | [number, number] = 1,
  dimRoundingMode?: DimRoundingMode,
): tf.Tensor4D {
  return tf.tidy(() => {
    const g = convGeometry(x.shape, filterShape, strides, pad, dilations, dimRoundingMode);
    const { batch: n, inChannels: cin, outHeight: oh, outWidth: ow, outChannels: cout } = g;
    const [kh, kw] = filterShape;
    const spanH = g.dilationHeight * (kh - 1) + g.strideHeight * (oh - 1) + 1;
    const spanW = g.dilationWidth * (kw - 1) + g.strideWidth * (ow - 1) + 1;
    const bottom = spanH - g.inHeight - g.padTop;
    const right = spanW - g.inWidth - g.padLeft;
    const h = g.inHeight + Math.min(0, bottom);
    const w = g.inWidth + Math.min(0, right);
    const used = h < g.inHeight || w < g.inWidth ? tf.slice(x, [0, 0, 0, 0], [n, h, w, cin]) : x;
    const xt = tf.reshape(tf.transpose(tf.reshape(used, [n, h * w, cin]), [2, 1, 0]), [cin, h, w, n]);
    const dyt = tf.reshape(tf.transpose(tf.reshape(dy, [n, oh * ow, cout]), [1, 0, 2]), [oh, ow, n, cout]);
    const corr = tf.conv2d(
      xt as tf.Tensor4D,
      dyt as tf.Tensor4D,
      [g.dilationHeight, g.dilationWidth],
      [
        [0, 0],
        [g.padTop, Math.max(0, bottom)],
        [g.padLeft, Math.max(0, right)],
        [0, 0],
      ],
      'NHWC',
      [g.strideHeight, g.strideWidth],
    );
    return tf.reshape(tf.transpose(tf.reshape(corr, [cin, kh * kw, cout]), [1, 0, 2]), filterShape);
  });
}
