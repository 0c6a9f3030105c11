import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { Rng, type DataSource, type MetricContext } from '@ganforge/core';
// The classifier is scored on @ganforge/data's seeded MNIST split, the split it was trained on.
import { mnist, type MnistSource } from '@ganforge/data/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifierScore, classifierScoreCeiling } from '../scores/classifier-score.js';
import { classifierScoreMetric, frechetDistanceMetric } from '../scores/classifier-metrics.js';
import { featureStatistics, frechetDistance } from '../scores/frechet-distance.js';
import { loadMnistClassifier, type MnistClassifier } from './load-classifier.js';
import { decodeWeights, encodeWeights } from './weights-file.js';

let classifier: MnistClassifier;
let train: MnistSource;
let heldOut: MnistSource;

/** Rows `indices` of a source as a tensor [n, 28, 28, 1]. */
function rows(source: MnistSource, indices: ArrayLike<number>): tf.Tensor {
  const values = new Float32Array(indices.length * 784);
  for (let i = 0; i < indices.length; i++)
    values.set(source.values.subarray(indices[i] * 784, (indices[i] + 1) * 784), i * 784);
  return tf.tensor4d(values, [indices.length, 28, 28, 1]);
}
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
function features(x: tf.Tensor): Float32Array {
  const f = classifier.evaluate(x).features;
  x.dispose();
  return f;
}

beforeAll(async () => {
  await tf.setBackend('wasm');
  classifier = await loadMnistClassifier();
  train = mnist({ split: 'train' });
  heldOut = train.heldOut as MnistSource;
});

describe('the shipped MNIST classifier', () => {
  it('held-out split (2,000 digits): accuracy ≥ 97 % and NLL ≤ 0.12', () => {
    const x = rows(heldOut, range(heldOut.size));
    const { probabilities, n } = classifier.evaluate(x);
    x.dispose();
    let correct = 0;
    let nll = 0;
    for (let i = 0; i < n; i++) {
      const p = probabilities.subarray(i * 10, i * 10 + 10);
      const label = heldOut.labels![i];
      if (p.indexOf(Math.max(...p)) === label) correct++;
      nll -= Math.log(Math.max(p[label], 1e-30));
    }
    console.log(`held-out: N ${n}, accuracy ${(correct / n).toFixed(4)}, NLL ${(nll / n).toFixed(4)}`);
    expect(n).toBe(2000);
    expect(correct / n).toBeGreaterThanOrEqual(0.97);
    expect(nll / n).toBeLessThanOrEqual(0.12);
  });

  it('classifier score: held-out digits ≥ 0.92 × exp(H(labels)); one digit class ≤ 1.2', () => {
    const x = rows(heldOut, range(heldOut.size));
    const score = classifierScore(classifier.evaluate(x).probabilities, 10);
    x.dispose();
    const ceiling = classifierScoreCeiling(heldOut.labels!, 10);
    const threes = range(train.size).filter((i) => train.labels![i] === 3);
    const y = rows(train, threes);
    const oneClass = classifierScore(classifier.evaluate(y).probabilities, 10);
    y.dispose();
    console.log(
      `classifier score: held-out ${score.toFixed(3)} (N 2000, ceiling ${ceiling.toFixed(3)}), one class ${oneClass.toFixed(3)} (N ${threes.length})`,
    );
    expect(ceiling).toBeGreaterThan(9.9);
    expect(score).toBeGreaterThanOrEqual(0.92 * ceiling);
    expect(oneClass).toBeLessThanOrEqual(1.2);
  });

  it('Fréchet distance, N = 800: held-out vs training ≤ 0.2 × one class vs training', () => {
    const n = 800;
    const order = new Rng(1, 'fd-test').permutation(train.size);
    const reference = featureStatistics(features(rows(train, order.subarray(0, n))), 64);
    // held-out rows are ordered by class: take a random N of them
    const held = featureStatistics(
      features(rows(heldOut, new Rng(2, 'fd-test').permutation(heldOut.size).subarray(0, n))),
      64,
    );
    const ones = Array.from(order.subarray(n))
      .filter((i) => train.labels![i] === 1)
      .slice(0, n);
    expect(ones).toHaveLength(n);
    const oneClass = featureStatistics(features(rows(train, ones)), 64);
    const real = frechetDistance(held, reference);
    const collapsed = frechetDistance(oneClass, reference);
    console.log(
      `Fréchet distance (N ${n}): held-out vs training ${real.toFixed(3)}, one class vs training ${collapsed.toFixed(3)}, ratio ${(real / collapsed).toFixed(4)}`,
    );
    expect(real).toBeLessThanOrEqual(0.2 * collapsed);
  });

  it('the metric components score generated digits against the held-out split, without leaking', async () => {
    const data: DataSource = train;
    // a "generator" that returns real training digits: a near-ceiling score and a small distance
    const rng = new Rng(5, 'metrics');
    const generate = (n: number): tf.Tensor => {
      const batch = train.sampler(new Rng(9)).next(n);
      batch.labels?.dispose();
      return batch.x;
    };
    const ctx: MetricContext = { generate, data, rng };
    const load = async (): Promise<MnistClassifier> => classifier;
    const before = tf.memory().numTensors;
    const score = await classifierScoreMetric({ samples: 500 }, load).compute(ctx);
    const distance = await frechetDistanceMetric({ samples: 500 }, load).compute(ctx);
    expect(tf.memory().numTensors).toBe(before);
    expect(score.n).toBe(500);
    expect(score.score).toBeGreaterThan(8.5);
    expect(distance.n).toBe(500);
    expect(distance.distance).toBeGreaterThan(0);
    // real vs real at N = 500 is pure estimation bias (≈ 6); one class vs real is ≈ 390
    expect(distance.distance).toBeLessThan(20);
    const wrongShape: MetricContext = { ...ctx, generate: (n) => tf.zeros([n, 2]) };
    await expect(classifierScoreMetric({ samples: 10 }, load).compute(wrongShape)).rejects.toThrow(
      /scores 28×28 MNIST digits/,
    );
  });

  it('weights file: round trip and bad input', () => {
    const params = { a: tf.tensor2d([1, -2.5, 3, 4], [2, 2]), b: tf.scalar(7) };
    const back = decodeWeights(encodeWeights(params), 'test');
    expect(back.a.shape).toEqual([2, 2]);
    expect(Array.from(back.a.dataSync())).toEqual([1, -2.5, 3, 4]);
    expect(Array.from(back.b.dataSync())).toEqual([7]);
    expect(() => decodeWeights(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]), 'x.bin')).toThrow(
      /x\.bin: not a GANForge weights file/,
    );
    const truncated = encodeWeights(params).slice(0, -4);
    expect(() => decodeWeights(truncated, 'y.bin')).toThrow(
      /y\.bin: weights file of \d+ bytes does not match its header/,
    );
    tf.dispose([...Object.values(params), ...Object.values(back)]);
  });
});
