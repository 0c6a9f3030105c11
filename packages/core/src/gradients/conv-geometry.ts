import * as tf from '@tensorflow/tfjs';

/** Padding of a 2-D convolution as tfjs' conv ops accept it. */
export type ConvPad =
  'valid' | 'same' | number | [[number, number], [number, number], [number, number], [number, number]];

/** Rounding of output sizes for numeric pads, as in tfjs' conv ops. */
export type DimRoundingMode = 'floor' | 'round' | 'ceil';

/** The geometry of one NHWC convolution y = conv2d(x, w): sizes, strides, dilations, pads. */
export interface ConvGeometry {
  batch: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  dilationHeight: number;
  dilationWidth: number;
  padTop: number;
  padLeft: number;
}

/**
 * Geometry of conv2d(x: xShape, w: filterShape) taken from `tf.backend_util.computeConv2DInfo`,
 * so that 'same', 'valid', numeric and explicit pads (top = floor(total/2) for 'same') are
 * exactly tfjs' own.
 */
export function convGeometry(
  xShape: number[],
  filterShape: number[],
  strides: number | [number, number],
  pad: ConvPad,
  dilations: number | [number, number] = 1,
  dimRoundingMode?: DimRoundingMode,
): ConvGeometry {
  const info = tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    strides,
    dilations,
    pad as Parameters<typeof tf.backend_util.computeConv2DInfo>[4],
    dimRoundingMode,
  );
  return {
    batch: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    inChannels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    outChannels: info.outChannels,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    dilationHeight: info.dilationHeight,
    dilationWidth: info.dilationWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}

/**
 * x[:, top:top+h, left:left+w, :] taken as a rank-3 slice of the [N, H, W·C] view: wasm's rank-4
 * Slice takes a slow path (2.3 ms vs 0.13 ms for a 64×30×30×1 → 64×28×28×1 crop).
 */
export function sliceSpatial(x: tf.Tensor4D, top: number, left: number, h: number, w: number): tf.Tensor4D {
  const [n, height, width, c] = x.shape;
  if (top === 0 && left === 0 && h === height && w === width) return x;
  const cropped = tf.slice(tf.reshape(x, [n, height, width * c]), [0, top, left * c], [n, h, w * c]);
  return tf.reshape(cropped, [n, h, w, c]);
}

/**
 * Applies signed per-side pads to the two spatial axes of an NHWC tensor for a following
 * 'valid'-style convolution: negative amounts crop `x`, positive ones are returned as the
 * explicit pad to hand to `tf.conv2d` (no separate pad op).
 */
export function signedSpatialPad(
  x: tf.Tensor4D,
  [top, bottom]: [number, number],
  [left, right]: [number, number],
): { x: tf.Tensor4D; pad: [[number, number], [number, number], [number, number], [number, number]] } {
  const [, h, w] = x.shape;
  const cropTop = Math.max(0, -top);
  const cropLeft = Math.max(0, -left);
  const keepH = h - cropTop - Math.max(0, -bottom);
  const keepW = w - cropLeft - Math.max(0, -right);
  const cropped = sliceSpatial(x, cropTop, cropLeft, keepH, keepW);
  return {
    x: cropped,
    pad: [
      [0, 0],
      [Math.max(0, top), Math.max(0, bottom)],
      [Math.max(0, left), Math.max(0, right)],
      [0, 0],
    ],
  };
}

/**
 * Reverses the two leading (spatial) axes of a rank-4 filter [kh, kw, a, b] with one matMul by a
 * reversal permutation: exact in float32 (each output is one input times 1 plus zeros),
 * differentiable, and fast on wasm, where `tf.reverse` is a slow element loop.
 */
export function flipSpatial(w: tf.Tensor4D): tf.Tensor4D {
  const [kh, kw, a, b] = w.shape;
  const k = kh * kw;
  if (k === 1) return w;
  const perm = new Float32Array(k * k);
  for (let i = 0; i < k; i++) perm[i * k + (k - 1 - i)] = 1;
  const flipped = tf.matMul(tf.tensor2d(perm, [k, k]), tf.reshape(w, [k, a * b]));
  return tf.reshape(flipped, [kh, kw, a, b]);
}
