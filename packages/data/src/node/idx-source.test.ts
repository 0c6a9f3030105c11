import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DataError, Rng } from '@ganforge/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeIdx, parseIdx } from '../idx/parse-idx.js';
import { idx, readIdxFile } from './idx-source.js';

const dir = mkdtempSync(join(tmpdir(), 'ganforge-idx-'));
const file = (name: string, bytes: Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
// three 2×2 images with pixel values 0, 255 and a ramp; labels 2, 0, 1
const imageBytes = encodeIdx({
  shape: [3, 2, 2],
  type: 'ubyte',
  data: Uint8Array.from([0, 0, 0, 0, 255, 255, 255, 255, 0, 51, 102, 255]),
});
const labelBytes = encodeIdx({ shape: [3], type: 'ubyte', data: Uint8Array.from([2, 0, 1]) });

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('IDX files', () => {
  it('decodes the header the way the MNIST files write it (0x00000803, big-endian sizes)', () => {
    expect(Array.from(imageBytes.slice(0, 8))).toEqual([0, 0, 8, 3, 0, 0, 0, 3]);
    const a = parseIdx(imageBytes);
    expect(a).toMatchObject({ shape: [3, 2, 2], type: 'ubyte' });
    const f = parseIdx(encodeIdx({ shape: [2], type: 'float', data: Float32Array.from([1.5, -2]) }));
    expect(Array.from(f.data)).toEqual([1.5, -2]);
    expect(
      Array.from(parseIdx(encodeIdx({ shape: [2], type: 'short', data: Int16Array.from([-300, 7]) })).data),
    ).toEqual([-300, 7]);
  });

  it('loads images (plain or gzipped) scaled to [−1, 1] with one-hot labels', () => {
    const images = file('images-idx3-ubyte.gz', gzipSync(imageBytes));
    const labels = file('labels-idx1-ubyte', labelBytes);
    const source = idx({ images, labels });
    expect(source.sampleShape).toEqual([2, 2, 1]);
    expect(source.numClasses).toBe(3);
    expect(Array.from(source.values.slice(8))).toEqual(
      Array.from(Float32Array.from([-1, 51 / 127.5 - 1, 102 / 127.5 - 1, 1])),
    );
    const batch = source.sampler(new Rng(1)).next(3);
    const x = batch.x.reshape([3, 4]).arraySync() as number[][];
    const y = batch.labels!.argMax(1).arraySync() as number[];
    // all-black (sum −4) is labelled 2, all-white (sum 4) 0, the ramp 1
    const labelOf = (row: number[]): number =>
      ({ '-4': 2, '4': 0 })[String(Math.round(row.reduce((a, b) => a + b)))] ?? 1;
    expect(x.map(labelOf)).toEqual(y);
    tf.dispose([batch.x, batch.labels!]);
  });

  it('bad input: missing file, wrong magic number, truncated, trailing bytes, label count', () => {
    expect(() => readIdxFile(join(dir, 'nope.idx'))).toThrow(
      /cannot read data file '.*nope\.idx': no such file/,
    );
    const png = file('not-idx.bin', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]));
    expect(() => readIdxFile(png)).toThrow(DataError);
    expect(() => readIdxFile(png)).toThrow(/not-idx\.bin': wrong IDX magic number 0x89504e47/);
    const truncated = file('truncated', imageBytes.slice(0, imageBytes.length - 1));
    expect(() => readIdxFile(truncated)).toThrow(
      /truncated': IDX body of 11 bytes does not match shape \[3,2,2\] of ubyte \(12 bytes expected\): the file is truncated/,
    );
    const trailing = file('trailing', Uint8Array.from([...imageBytes, 0]));
    expect(() => readIdxFile(trailing)).toThrow(/trailing bytes/);
    const fewLabels = file(
      'few-labels',
      encodeIdx({ shape: [2], type: 'ubyte', data: Uint8Array.from([0, 1]) }),
    );
    expect(() => idx({ images: file('ok-images', imageBytes), labels: fewLabels })).toThrow(
      /2 labels for 3 images/,
    );
    const badGzip = file('bad.gz', Uint8Array.from([0x1f, 0x8b, 1, 2, 3]));
    expect(() => readIdxFile(badGzip)).toThrow(/bad\.gz' looks gzipped but cannot be decompressed/);
  });
});
