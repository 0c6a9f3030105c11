import * as tf from '@tensorflow/tfjs';
import { convFilterGradient, convInputGradient } from './conv-backprop-dispatch.js';
import type { ConvPad, DimRoundingMode } from './conv-geometry.js';

type Shape4 = [number, number, number, number];

interface ConvAttrs {
  strides: number | [number, number];
  pad: ConvPad;
  dataFormat?: 'NHWC' | 'NCHW';
  dilations?: number | [number, number];
  dimRoundingMode?: DimRoundingMode;
}

const toNhwc = (t: tf.Tensor): tf.Tensor4D => tf.transpose(t, [0, 2, 3, 1]) as tf.Tensor4D;
const toNchw = (t: tf.Tensor): tf.Tensor4D => tf.transpose(t, [0, 3, 1, 2]) as tf.Tensor4D;
const nhwcShape = (s: number[], nchw: boolean): Shape4 => (nchw ? [s[0], s[2], s[3], s[1]] : s) as Shape4;

/**
 * Gradient configs for tfjs' three 2-D convolution kernels, each closed under differentiation
 * (every kernel a gradient calls has its gradient here too), so gradient penalty and R1 through
 * conv critics, and the unrolled GAN's d/dx of ∂D/∂W, work on every backend (tfjs' own
 * gradients cannot). The two backprop products go through `convInputGradient` and
 * `convFilterGradient`: the active backend's backprop kernels where it has them (native on
 * tfjs-node and wasm-native, GANForge's forward-convolution kernels on wasm, which lacks
 * Conv2DBackpropFilter and whose Conv2DBackpropInput is a naive loop), forward convolutions
 * otherwise and for dilations > 1 (tfjs' own gradient refuses dilation > 1).
 *
 * - Conv2D(x, w): dx = convInputGradient(dy, w), dW = convFilterGradient(x, dy); any
 *   dilation (tfjs' own gradient refuses dilation > 1).
 * - Conv2DBackpropInput(dy, w) = conv2dTranspose's forward: d/d(dy) = conv2d(ddx, w),
 *   d/dw = convFilterGradient(ddx, dy).
 * - Conv2DBackpropFilter(x, dy) (called directly by tfjs' fused/layers convs): d/dx =
 *   convInputGradient(dy, ddW), d/d(dy) = conv2d(x, ddW).
 */
export function conv2dGradientConfigs(): tf.GradConfig[] {
  return [
    {
      kernelName: 'Conv2D',
      inputsToSave: ['x', 'filter'],
      gradFunc: (dy, saved, attrs) => {
        const [x, filter] = saved as [tf.Tensor4D, tf.Tensor4D];
        const a = attrs as unknown as ConvAttrs;
        const nchw = a.dataFormat === 'NCHW';
        const dy4 = (nchw ? toNhwc(dy as tf.Tensor) : dy) as tf.Tensor4D;
        const xShape = nhwcShape(x.shape, nchw);
        return {
          x: () => {
            const dx = convInputGradient(
              dy4,
              filter,
              xShape,
              a.strides,
              a.pad,
              a.dilations,
              a.dimRoundingMode,
            );
            return nchw ? toNchw(dx) : dx;
          },
          filter: () =>
            convFilterGradient(
              nchw ? toNhwc(x) : x,
              dy4,
              filter.shape,
              a.strides,
              a.pad,
              a.dilations,
              a.dimRoundingMode,
            ),
        };
      },
    },
    {
      kernelName: 'Conv2DBackpropInput',
      inputsToSave: ['dy', 'filter'],
      gradFunc: (ddx, saved, attrs) => {
        const [dy, filter] = saved as [tf.Tensor4D, tf.Tensor4D];
        const a = attrs as unknown as ConvAttrs;
        const nchw = a.dataFormat === 'NCHW';
        const ddx4 = (nchw ? toNhwc(ddx as tf.Tensor) : ddx) as tf.Tensor4D;
        return {
          dy: () => {
            const r = tf.conv2d(ddx4, filter, a.strides, a.pad, 'NHWC', 1, a.dimRoundingMode);
            return nchw ? toNchw(r) : r;
          },
          filter: () =>
            convFilterGradient(
              ddx4,
              nchw ? toNhwc(dy) : dy,
              filter.shape,
              a.strides,
              a.pad,
              1,
              a.dimRoundingMode,
            ),
        };
      },
    },
    {
      kernelName: 'Conv2DBackpropFilter',
      inputsToSave: ['x', 'dy'],
      gradFunc: (ddw, saved, attrs) => {
        const [x, dy] = saved as [tf.Tensor4D, tf.Tensor4D];
        const a = attrs as unknown as ConvAttrs;
        const nchw = a.dataFormat === 'NCHW';
        const ddw4 = ddw as tf.Tensor4D;
        return {
          x: () => {
            const dx = convInputGradient(
              nchw ? toNhwc(dy) : dy,
              ddw4,
              nhwcShape(x.shape, nchw),
              a.strides,
              a.pad,
              1,
              a.dimRoundingMode,
            );
            return nchw ? toNchw(dx) : dx;
          },
          dy: () => {
            const r = tf.conv2d(nchw ? toNhwc(x) : x, ddw4, a.strides, a.pad, 'NHWC', 1, a.dimRoundingMode);
            return nchw ? toNchw(r) : r;
          },
        };
      },
    },
  ];
}

/** Registers {@link conv2dGradientConfigs} with `tf.registerGradient` (all backends). */
export function registerConv2dGradients(): void {
  for (const config of conv2dGradientConfigs()) tf.registerGradient(config);
}
