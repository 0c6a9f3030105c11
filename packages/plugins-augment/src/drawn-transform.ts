import type * as tf from '@tensorflow/tfjs';
import { ConfigError, type AugmentTransform } from '@ganforge/core';
import { applyOpDraws, type OpDraw } from './op-draws.js';

/** T for one draw: {@link applyOpDraws} on batches of `batchSize` images of `imageShape`. */
export class DrawnTransform implements AugmentTransform {
  constructor(
    /** The drawn operations, in the order they apply. */
    readonly draws: readonly OpDraw[],
    readonly batchSize: number,
    /** `[H, W, C]` of one image. */
    readonly imageShape: readonly [number, number, number],
    /** The config path named in errors (`augment`, `regularizers[0]`). */
    private readonly path: string,
  ) {}

  apply(x: tf.Tensor): tf.Tensor {
    const [n, ...shape] = x.shape;
    if (n !== this.batchSize || shape.join() !== this.imageShape.join()) {
      throw new ConfigError(
        `${this.path}: the augmentation was drawn for ${this.batchSize} images of shape [${this.imageShape.join(', ')}], ` +
          `but was applied to a batch of shape [${x.shape.join(', ')}]`,
        this.path,
      );
    }
    return applyOpDraws(x, this.draws);
  }
}
