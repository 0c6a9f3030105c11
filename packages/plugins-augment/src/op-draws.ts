import * as tf from '@tensorflow/tfjs';
import { adjustBrightness, adjustContrast, adjustSaturation } from './ops/colour.js';
import { cutout } from './ops/cutout.js';
import { flipHorizontal } from './ops/flip.js';
import { translate } from './ops/translate.js';

/**
 * The drawn parameters of one operation for a batch, every tensor `[n]` (one value per sample).
 * Integer-valued parameters (shifts, corners, flips) are float32 tensors holding integers.
 */
export type OpDraw =
  | { op: 'brightness'; offsets: tf.Tensor }
  | { op: 'saturation'; factors: tf.Tensor }
  | { op: 'contrast'; factors: tf.Tensor }
  | { op: 'translation'; dy: tf.Tensor; dx: tf.Tensor }
  | { op: 'cutout'; top: tf.Tensor; left: tf.Tensor; height: number; width: number }
  | { op: 'flip'; flips: tf.Tensor };

/** T(x): the drawn operations applied in order; a pure, differentiable function of `x` `[n, H, W, C]`. */
export function applyOpDraws(x: tf.Tensor, draws: readonly OpDraw[]): tf.Tensor {
  return tf.tidy(() => draws.reduce((y, d) => applyOne(y, d), x));
}

function applyOne(x: tf.Tensor, d: OpDraw): tf.Tensor {
  switch (d.op) {
    case 'brightness':
      return adjustBrightness(x, d.offsets);
    case 'saturation':
      return adjustSaturation(x, d.factors);
    case 'contrast':
      return adjustContrast(x, d.factors);
    case 'translation':
      return translate(x, d.dy, d.dx);
    case 'cutout':
      return cutout(x, d.top, d.left, d.height, d.width);
    case 'flip':
      return flipHorizontal(x, d.flips);
  }
}
