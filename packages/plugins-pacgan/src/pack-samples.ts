import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '@ganforge/core';

/**
 * PacGAN's packing (Lin, Khetan, Fanti & Oh 2018, "PacGAN: The power of two samples in generative
 * adversarial networks", arXiv:1712.04086, §3): a batch of n samples, each flattened to
 * x_j ∈ R^d, becomes n/m packed samples, m consecutive samples concatenated along the feature
 * axis:
 *
 *   P_i = [x_{i·m}, x_{i·m+1}, …, x_{i·m+m−1}] ∈ R^{m·d},   i = 0 … n/m − 1
 *
 * `[n, ...sampleShape]` → `[n/m, m·d]`, d = ∏ sampleShape (images are flattened). It is a
 * reshape of the row-major batch, so gradients flow back to each sample unchanged. A batch whose
 * size is not a multiple of m is a `ConfigError` naming `discriminator.packing`.
 */
export function packSamples(x: tf.Tensor, packing: number): tf.Tensor {
  const n = x.shape[0];
  if (n % packing !== 0) {
    throw new ConfigError(
      `pacgan: a batch of ${n} samples cannot be packed in groups of ` +
        `discriminator.packing = ${packing} consecutive samples; the discriminator needs batches whose ` +
        `size is a multiple of ${packing} (set batchSize to one)`,
      'discriminator.packing',
    );
  }
  return tf.reshape(x, [n / packing, packing * sampleSize(x.shape.slice(1))]);
}

/**
 * Checks that the run's `batchSize` n splits into whole packs of m samples, n mod m = 0, as
 * PacGAN's packed discriminator needs (Lin et al. 2018, arXiv:1712.04086: n samples → n/m packs);
 * throws a `ConfigError` at the `batchSize` path naming the nearest batch sizes that do.
 */
export function checkBatchPacking(batchSize: number, packing: number): void {
  if (batchSize % packing === 0) return;
  const below = Math.floor(batchSize / packing) * packing;
  const above = below + packing;
  const choices = below > 0 ? `${below} or ${above}` : `${above}`;
  throw new ConfigError(
    `batchSize ${batchSize} is not a multiple of discriminator.packing = ${packing}: PacGAN's ` +
      `discriminator scores groups of ${packing} consecutive samples, so every batch must split into ` +
      `whole groups (use batchSize ${choices}, or a packing that divides ${batchSize})`,
    'batchSize',
  );
}

/** d = ∏ shape: the number of values in one sample of that shape (1 for a scalar sample). */
export function sampleSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
