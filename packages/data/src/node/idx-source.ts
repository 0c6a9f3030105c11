import { defineComponent } from '@ganforge/core';
import { z } from 'zod';
import { inMemorySource, type InMemoryDataset, type InMemorySource } from '../images/labelled-images.js';
import { idxToDataset } from '../idx/idx-dataset.js';
import { parseIdx, type IdxArray } from '../idx/parse-idx.js';
import { readMaybeGzipped } from './read-file.js';

/** Reads and decodes one IDX file (optionally gzipped); errors name the file. */
export function readIdxFile(path: string): IdxArray {
  return parseIdx(readMaybeGzipped(path), `'${path}'`);
}

/** zod schema of the `idx` data options. */
export const idxOptionsSchema = z.strictObject({
  images: z.string().min(1).describe('path of the IDX images file, e.g. train-images-idx3-ubyte.gz'),
  labels: z.string().min(1).optional().describe('path of the IDX labels file (optional)'),
  numClasses: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('number of classes (default: largest label + 1)'),
});

/** Options of the `idx` data source. */
export type IdxOptions = z.input<typeof idxOptionsSchema>;

/** Reads an IDX images file (and labels) into a data set; see {@link idxToDataset}. */
export function readIdxDataset(options: IdxOptions): InMemoryDataset {
  const images = readIdxFile(options.images);
  const labels = options.labels !== undefined ? readIdxFile(options.labels) : undefined;
  return idxToDataset(
    images,
    labels,
    { images: `'${options.images}'`, labels: `'${options.labels}'` },
    options.numClasses,
  );
}

/**
 * IDX files as a data source (LeCun et al. 1998: MNIST's format; also the full 70,000 MNIST
 * digits, Fashion-MNIST, EMNIST). Unsigned bytes are scaled to [−1, 1]; gzipped files are
 * detected by their magic bytes. Node only.
 */
export function idx(options: IdxOptions): InMemorySource {
  return inMemorySource(readIdxDataset(idxOptionsSchema.parse(options)), `'${options.images}'`);
}

/** The registered `idx` data component. */
export const idxComponent = defineComponent({
  kind: 'data',
  name: 'idx',
  description: 'IDX files (MNIST format, optionally gzipped), scaled to [-1, 1], with optional labels.',
  options: idxOptionsSchema,
  create: (options) => idx(options),
});
