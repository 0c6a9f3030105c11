import * as tf from '@tensorflow/tfjs';

/**
 * Where a discriminator's conditioning vector goes: `flat` concatenates it to the flattened sample
 * (MLPs), `channels` broadcasts it over the spatial positions as extra channels of an NHWC image
 * (convolutional discriminators).
 */
export type ConditionLayout = 'flat' | 'channels';

/** The input shape an inner discriminator sees after {@link concatCondition} of a width-`k` vector. */
export function conditionedShape(
  sampleShape: readonly number[],
  k: number,
  layout: ConditionLayout,
): number[] {
  if (layout === 'flat') return [size(sampleShape) + k];
  return [...sampleShape.slice(0, -1), sampleShape[sampleShape.length - 1] + k];
}

function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * Concatenates a per-sample vector c `[n, k]` (one-hot labels or their embedding) to x:
 * `flat` → `[n, ∏ sampleShape + k]`; `channels` → `[n, H, W, C + k]` with c repeated at every
 * position (Mirza & Osindero 2014, arXiv:1411.1784: y joins the input of both networks).
 */
export function concatCondition(x: tf.Tensor, c: tf.Tensor, layout: ConditionLayout): tf.Tensor {
  return tf.tidy(() => {
    const n = x.shape[0];
    if (layout === 'flat') return tf.concat([tf.reshape(x, [n, -1]), c], 1);
    const [h, w] = x.shape.slice(1, -1);
    const k = c.shape[1] as number;
    const maps = tf.tile(tf.reshape(c, [n, 1, 1, k]), [1, h, w, 1]);
    return tf.concat([x, maps], 3);
  });
}
