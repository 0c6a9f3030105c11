import * as tf from '@tensorflow/tfjs';
import { convGeometry, sliceSpatial } from './conv-geometry.js';
import type { ConvPad, DimRoundingMode } from './conv-geometry.js';

/**
 * dW = patchesᵀ · dy for layers with few input taps (k·k·cin ≤ cout, e.g. a DCGAN critic's first
 * layer on 1-channel images). patches = conv2d(x, one-hot filter) with the layer's own geometry is
 * an exact im2col ([N, oh, ow, k·k·cin], channel (i·kw + j)·cin + ci), so the product is directly
 * [k·k·cin, cout]. Here the dilated-conv form spends most of its time transposing dy (measured
 * on wasm at x 64×28×28×1, w 4×4×1×64: 1.4 ms vs 5.5 ms).
 */
function patchFilterGradient(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  filterShape: [number, number, number, number],
  strides: number | [number, number],
  pad: ConvPad,
  dilations: number | [number, number],
  dimRoundingMode?: DimRoundingMode,
): tf.Tensor4D {
  const [kh, kw, cin, cout] = filterShape;
  const taps = kh * kw * cin;
  const oneHot = new Float32Array(taps * taps);
  for (let t = 0; t < taps; t++) oneHot[t * taps + t] = 1;
  const eye = tf.tensor4d(oneHot, [kh, kw, cin, taps]);
  const patches = tf.conv2d(x, eye, strides, pad as 'same', 'NHWC', dilations, dimRoundingMode);
  const rows = patches.size / taps;
  const dw = tf.matMul(tf.reshape(patches, [rows, taps]), tf.reshape(dy, [rows, cout]), true, false);
  return tf.reshape(dw, filterShape);
}

/**
 * Filter gradient of y = conv2d(x, w, s, pad, 'NHWC', d) written as ONE forward convolution:
 * with xt = x viewed as [cin, H, W, N] and dyt = dy viewed as [oh, ow, N, cout],
 * g = conv2d(xt, dyt, strides = d, pad [padT, d(k−1) + s(oh−1) + 1 − H − padT], dilations = s)
 * is [cin, k, k, cout], and dW = g transposed to [k, k, cin, cout]. Rows of x that no output
 * reads (a negative bottom pad) are sliced off first.
 *
 * Why: wasm has no Conv2DBackpropFilter kernel and tfjs' has no gradient; this runs on XNNPACK
 * and is differentiable at every order (its own filter gradient swaps stride and dilation, and
 * tfjs never needs both > 1). Reference: ../shared/reference/conv-gradients.md. Layers with
 * k·k·cin ≤ cout use an exact im2col product instead (`patchFilterGradient`), which is faster
 * there.
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
    if (kh * kw * cin <= cout) {
      return patchFilterGradient(x, dy, filterShape, strides, pad, dilations, dimRoundingMode);
    }
    const used = sliceSpatial(x, 0, 0, h, w);
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
