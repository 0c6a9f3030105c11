import { ConfigError } from '@ganforge/core';

/**
 * The data's sample shape as an image `[H, W, C]`; a ConfigError at `path` for any other shape,
 * saying what was found and what the augmentations need.
 */
export function imageShapeOf(sampleShape: readonly number[], path: string): [number, number, number] {
  if (sampleShape.length !== 3 || sampleShape.some((d) => !Number.isInteger(d) || d <= 0)) {
    throw new ConfigError(
      `${path}: the augmentations work on images: samples of shape [H, W, C] (batches [N, H, W, C]), ` +
        `but the data's samples have shape [${sampleShape.join(', ')}]. Use image data that is not ` +
        'flattened (e.g. mnist without `flatten`), or remove the block.',
      path,
    );
  }
  return [sampleShape[0], sampleShape[1], sampleShape[2]];
}
