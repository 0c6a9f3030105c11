import { DataError } from '@ganforge/core';
import type { InMemoryDataset } from '../images/labelled-images.js';
import type { IdxArray } from './parse-idx.js';

/**
 * Turns decoded IDX images (and labels) into a data set: `[n, h, w]` becomes samples `[h, w, 1]`,
 * `[n, h, w, c]` samples `[h, w, c]`, `[n, d]` samples `[d]`; unsigned bytes are scaled from
 * [0, 255] to [−1, 1] (x/127.5 − 1), other types are kept as they are. Labels must be one integer
 * per image; `numClasses` defaults to the largest label + 1.
 */
export function idxToDataset(
  images: IdxArray,
  labels?: IdxArray,
  names = { images: 'images', labels: 'labels' },
  numClasses?: number,
): InMemoryDataset {
  if (images.shape.length < 2)
    throw new DataError(`${names.images}: IDX images need ≥ 2 dimensions [n, …], got [${images.shape}]`);
  const [n, ...rest] = images.shape;
  const sampleShape = rest.length === 2 ? [rest[0], rest[1], 1] : rest;
  const values =
    images.type === 'ubyte'
      ? Float32Array.from(images.data, (v) => v / 127.5 - 1)
      : Float32Array.from(images.data as ArrayLike<number>);
  if (labels === undefined) return { values, sampleShape };
  if (labels.shape.length !== 1)
    throw new DataError(`${names.labels}: IDX labels must be 1-dimensional, got shape [${labels.shape}]`);
  if (labels.shape[0] !== n)
    throw new DataError(`${names.labels}: ${labels.shape[0]} labels for ${n} images in ${names.images}`);
  if (labels.type === 'float' || labels.type === 'double')
    throw new DataError(`${names.labels}: labels must be integers, got IDX type ${labels.type}`);
  const ints = Int32Array.from(labels.data as ArrayLike<number>);
  const negative = ints.findIndex((l) => l < 0);
  if (negative >= 0)
    throw new DataError(`${names.labels}: label ${ints[negative]} at index ${negative} is negative`);
  const k = numClasses ?? Math.max(...ints) + 1;
  const outside = ints.findIndex((l) => l >= k);
  if (outside >= 0)
    throw new DataError(`${names.labels}: label ${ints[outside]} at index ${outside} is outside [0, ${k})`);
  return { values, sampleShape, labels: ints, numClasses: k };
}
