import * as tf from '@tensorflow/tfjs';
import { DataError, Rng } from '@ganforge/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { inMemorySource } from '../images/labelled-images.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const rows = Float32Array.from({ length: 10 }, (_, i) => i);
const source = inMemorySource({
  values: rows,
  sampleShape: [1],
  labels: Uint8Array.from([0, 1, 2, 0, 1, 2, 0, 1, 2, 0]),
  numClasses: 3,
});

function take(sampler: ReturnType<typeof source.sampler>, n: number): number[] {
  const b = sampler.next(n);
  const out = Array.from(b.x.dataSync());
  tf.dispose([b.x, b.labels!]);
  return out;
}

describe('epoch sampling of in-memory rows', () => {
  it('each epoch visits every row once; batches may straddle epochs', () => {
    const s = source.sampler(new Rng(1, 'data'));
    const first = take(s, 4).concat(take(s, 4));
    const straddle = take(s, 4);
    const epoch1 = first.concat(straddle.slice(0, 2));
    expect([...epoch1].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(s.state()).toMatchObject({ epoch: 1, position: 2 });
  });

  it('labels come out one-hot and match their rows', () => {
    const b = source.sampler(new Rng(2)).next(10);
    const x = b.x.dataSync();
    const y = b.labels!.arraySync() as number[][];
    for (let i = 0; i < 10; i++) expect(y[i]).toEqual([0, 1, 2].map((c) => (c === x[i] % 3 ? 1 : 0)));
    tf.dispose([b.x, b.labels!]);
  });

  it('resumes bit for bit from (stream state, sampler state) in the middle of an epoch', () => {
    const rng = new Rng(3, 'data');
    const a = source.sampler(rng);
    take(a, 13);
    const saved = JSON.parse(JSON.stringify({ rng: rng.state(), sampler: a.state() }));
    const expected = take(a, 17);
    const rng2 = new Rng(0);
    rng2.restore(saved.rng);
    const b = source.sampler(rng2);
    b.restore(saved.sampler);
    expect(take(b, 17)).toEqual(expected);
  });

  it('rejects malformed state and data', () => {
    expect(() =>
      source.sampler(new Rng(1)).restore({ epoch: 0, position: 11, permutationRng: null }),
    ).toThrow(DataError);
    expect(() => inMemorySource({ values: new Float32Array(5), sampleShape: [2] })).toThrow(
      /not a whole number/,
    );
    expect(() =>
      inMemorySource({
        values: new Float32Array(2),
        sampleShape: [1],
        labels: Uint8Array.from([0, 3]),
        numClasses: 3,
      }),
    ).toThrow(/label 3 of sample 1 is outside \[0, 3\)/);
  });
});
