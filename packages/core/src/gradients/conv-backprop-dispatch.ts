import * as tf from '@tensorflow/tfjs';
import { conv2dFilterGradient } from './conv2d-filter-gradient.js';
import { conv2dInputGradient } from './conv2d-input-gradient.js';
import type { ConvPad, DimRoundingMode } from './conv-geometry.js';

type Shape4 = [number, number, number, number];

const dilationOne = (d: number | [number, number]) => (typeof d === 'number' ? d === 1 : d[0] === 1 && d[1] === 1);

/** Whether the active backend has a kernel of this name (checked per call: backends can change). */
function activeBackendHas(kernelName: string): boolean {
  return tf.getKernel(kernelName, tf.getBackend()) !== undefined;
}

/**
 * The input gradient dx of y = conv2d(x, w) given dy (NHWC), also conv2dTranspose's forward.
 * Runs the active backend's `Conv2DBackpropInput` kernel where it has one and the dilation is 1
 * (tfjs' backprop kernels carry no dilation): tfjs-node's and webgl's own, GANForge's on wasm
 * (forward convolutions) and wasm-native (sgemm + col2im). Otherwise, and for dilations > 1,
 * {@link conv2dInputGradient} (forward convolutions). Either way differentiable again: core
 * registers the kernel's gradient ({@link conv2dGradientConfigs}).
 */
export function convInputGradient(
  dy: tf.Tensor4D,
  w: tf.Tensor4D,
  xShape: Shape4,
  strides: number | [number, number],
  pad: ConvPad,
  dilations: number | [number, number] = 1,
  dimRoundingMode?: DimRoundingMode,
): tf.Tensor4D {
  if (dilationOne(dilations) && activeBackendHas('Conv2DBackpropInput')) {
    return tf.engine().runKernel(
      'Conv2DBackpropInput',
      { dy, filter: w },
      { strides, pad, dataFormat: 'NHWC', dimRoundingMode, inputShape: xShape } as unknown as tf.NamedAttrMap,
    ) as tf.Tensor4D;
  }
  return conv2dInputGradient(dy, w, xShape, strides, pad, dilations, dimRoundingMode);
}

/**
 * The filter gradient dW of y = conv2d(x, w) given x and dy (NHWC): the active backend's
 * `Conv2DBackpropFilter` kernel where it has one and the dilation is 1, else
 * {@link conv2dFilterGradient} (forward convolutions). See {@link convInputGradient}.
 */
export function convFilterGradient(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  filterShape: Shape4,
  strides: number | [number, number],
  pad: ConvPad,
  dilations: number | [number, number] = 1,
  dimRoundingMode?: DimRoundingMode,
): tf.Tensor4D {
  if (dilationOne(dilations) && activeBackendHas('Conv2DBackpropFilter')) {
    return tf.engine().runKernel(
      'Conv2DBackpropFilter',
      { x, dy },
      { strides, pad, dataFormat: 'NHWC', dimRoundingMode, filterShape } as unknown as tf.NamedAttrMap,
    ) as tf.Tensor4D;
  }
  return conv2dFilterGradient(x, dy, filterShape, strides, pad, dilations, dimRoundingMode);
}
