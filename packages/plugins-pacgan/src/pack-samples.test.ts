import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '@ganforge/core';
import { checkBatchPacking, packSamples } from './pack-samples.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function thrown(f: () => unknown): ConfigError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new ConfigError('expected a ConfigError');
}

describe('packSamples (Lin et al. 2018, §3)', () => {
  it('packs 8 samples of 2 values with m = 4 into [2, 8]: row i = samples 4i … 4i + 3, in order', () => {
    const x = tf.tensor2d(
      Array.from({ length: 16 }, (_, k) => k),
      [8, 2],
    );
    const packed = packSamples(x, 4);
    expect(packed.shape).toEqual([2, 8]);
    expect(packed.arraySync()).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7],
      [8, 9, 10, 11, 12, 13, 14, 15],
    ]);
    // m = 2: four packs of two samples.
    expect(packSamples(x, 2).arraySync()).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10, 11],
      [12, 13, 14, 15],
    ]);
    tf.dispose([x, packed]);
  });

  it('flattens images: [6, 2, 2, 3] with m = 3 → [2, 36], each sample row-major in turn', () => {
    const values = Array.from({ length: 72 }, (_, k) => k / 10);
    const x = tf.tensor4d(values, [6, 2, 2, 3]);
    const packed = packSamples(x, 3);
    expect(packed.shape).toEqual([2, 36]);
    const rows = packed.arraySync() as number[][];
    // Sample j is values[12j … 12j + 11]; pack i holds samples 3i, 3i + 1, 3i + 2.
    for (let i = 0; i < 2; i++)
      for (let s = 0; s < 3; s++)
        for (let k = 0; k < 12; k++)
          expect(rows[i][12 * s + k]).toBe(Math.fround(values[12 * (3 * i + s) + k]));
    tf.dispose([x, packed]);
  });

  it('one value per sample ([n] or [n, 1]) packs to [n/m, m]', () => {
    const x = tf.tensor1d([1, 2, 3, 4, 5, 6]);
    expect(packSamples(x, 2).arraySync()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    x.dispose();
  });

  it('a batch that does not split into packs is a ConfigError naming discriminator.packing', () => {
    const x = tf.zeros([6, 2]);
    const error = thrown(() => packSamples(x, 4));
    expect(error.issues.map((i) => i.path)).toEqual(['discriminator.packing']);
    expect(error.message).toBe(
      'pacgan: a batch of 6 samples cannot be packed in groups of discriminator.packing = 4 consecutive ' +
        'samples; the discriminator needs batches whose size is a multiple of 4 (set batchSize to one)',
    );
    x.dispose();
  });
});

describe('checkBatchPacking', () => {
  it('accepts multiples of m; otherwise a ConfigError at batchSize naming the nearest multiples', () => {
    expect(() => checkBatchPacking(512, 4)).not.toThrow();
    expect(() => checkBatchPacking(9, 3)).not.toThrow();
    const error = thrown(() => checkBatchPacking(30, 4));
    expect(error.issues.map((i) => i.path)).toEqual(['batchSize']);
    expect(error.message).toMatch(/^batchSize 30 is not a multiple of discriminator\.packing = 4/);
    expect(error.message).toContain('use batchSize 28 or 32');
    expect(thrown(() => checkBatchPacking(3, 4)).message).toContain('use batchSize 4,');
  });
});
