import * as tf from '@tensorflow/tfjs';
import { convFilterGradient, convInputGradient } from './conv-backprop-dispatch.js';
import type { ConvPad, DimRoundingMode } from './conv-geometry.js';

/**
 * Transposed convolution (the DCGAN generator's upsampling layer), NHWC, built from forward
 * convolutions and differentiable twice on every backend.
 *
 * Semantics are `tf.conv2dTranspose`'s: x [N, h, w, inDepth], w [k, k, outDepth, inDepth],
 * output `outputShape` [N, H, W, outDepth]; y is the input gradient of conv2d(·, w, strides, pad)
 * at dy = x (`convInputGradient`: the backend's Conv2DBackpropInput kernel, or the
 * sub-pixel formula of forward convolutions). Gradients, from the saved inputs (so they are
 * differentiable again): dx = conv2d(dy, w, strides, pad), dw = convFilterGradient(dy, x). On
 * wasm the stock op runs a naive loop (316 ms vs 40–58 ms at 64×7×7×128 → 64×14×14×64,
 * ../shared/reference/conv-gradients.md); core replaces it.
 */
export function conv2dTranspose<T extends tf.Tensor3D | tf.Tensor4D>(
  x: T,
  w: tf.Tensor4D,
  outputShape: [number, number, number, number] | [number, number, number],
  strides: number | [number, number],
  pad: ConvPad,
  dimRoundingMode?: DimRoundingMode,
): T {
  const out4 = (outputShape.length === 3 ? [1, ...outputShape] : outputShape) as [
    number,
    number,
    number,
    number,
  ];
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [xi, wi, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    save([xi, wi]);
    const value = convInputGradient(
      xi as tf.Tensor4D,
      wi as tf.Tensor4D,
      out4,
      strides,
      pad,
      1,
      dimRoundingMode,
    );
    const gradFunc = (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]): tf.Tensor[] => {
      const [xs, ws] = saved as [tf.Tensor4D, tf.Tensor4D];
      return [
        tf.conv2d(dy as tf.Tensor4D, ws, strides, pad, 'NHWC', 1, dimRoundingMode),
        convFilterGradient(dy as tf.Tensor4D, xs, ws.shape, strides, pad, 1, dimRoundingMode),
      ];
    };
    return { value, gradFunc };
  });
  if (x.rank === 4) return op(x, w) as T;
  return tf.tidy(() => tf.squeeze(op(tf.expandDims(x, 0), w), [0])) as T;
}
