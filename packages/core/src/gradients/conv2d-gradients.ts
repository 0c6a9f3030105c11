import * as tf from '@tensorflow/tfjs';
import { conv2dFilterGradient } from './conv2d-filter-gradient.js';
import { conv2dInputGradient } from './conv2d-input-gradient.js';
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
 * Gradient configs for tfjs' three 2-D convolution kernels, every one made of forward
 * convolutions ({@link conv2dInputGradient}, {@link conv2dFilterGradient}) and so:
 * usable on wasm (which lacks Conv2DBackpropFilter), fast there (no naive backprop loops) and
 * differentiable again on every backend (gradient penalty and R1 through conv critics, and the
 * unrolled GAN's d/dx of ∂D/∂W, which tfjs' own gradients cannot do).
 *
 * - Conv2D(x, w): dx = conv2dInputGradient(dy, w), dW = conv2dFilterGradient(x, dy); any
 *   dilation (tfjs' own gradient refuses dilation > 1).
 * - Conv2DBackpropInput(dy, w) = conv2dTranspose's forward: d/d(dy) = conv2d(ddx, w),
 *   d/dw = conv2dFilterGradient(ddx, dy).
 * - Conv2DBackpropFilter(x, dy) (called directly by tfjs' fused/layers convs): d/dx =
 *   conv2dInputGradient(dy, ddW), d/d(dy) = conv2d(x, ddW).
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
            const dx = conv2dInputGradient(
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
            conv2dFilterGradient(
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
            conv2dFilterGradient(
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
            const dx = conv2dInputGradient(
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
