import { Rng } from '@ganforge/core';

/** The fixed seed of GANForge's MNIST split (so every package and run agrees on it). */
export const MNIST_SPLIT_SEED = 20_171_211;

/** Size of the held-out split of the `mnist` package's 10,000 digits. */
export const MNIST_HELD_OUT_SIZE = 2000;

/** Row indices of the two parts of a split, each ascending. */
export interface SplitIndices {
  train: Int32Array;
  heldOut: Int32Array;
}

/**
 * GANForge's documented train/held-out split: a permutation of [0, count) drawn from
 * `new Rng(MNIST_SPLIT_SEED, 'mnist-split')`; its first `heldOut` entries are the held-out rows,
 * the rest the training rows (both sorted ascending). For the `mnist` package's 10,000 digits
 * (ordered by class) this gives 8,000 training and 2,000 held-out digits. The `mnist` package's
 * own `set()` shuffles with Math.random and cannot be reproduced.
 */
export function mnistSplitIndices(count: number, heldOut = MNIST_HELD_OUT_SIZE): SplitIndices {
  const permutation = new Rng(MNIST_SPLIT_SEED, 'mnist-split').permutation(count);
  const held = permutation.slice(0, heldOut).sort();
  const train = permutation.slice(heldOut).sort();
  return { train, heldOut: held };
}
