import * as tf from '@tensorflow/tfjs';
import { Rng, type DataSource, type MetricContext } from '@ganforge/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { c2stMetric, c2stOptionsSchema } from '../c2st/c2st-metric.js';
import { mnistClassifierFromParams } from '../classifier/load-classifier.js';
import { initMnistClassifier } from '../classifier/mnist-classifier.js';
import { embedSamples } from '../features/embed-samples.js';
import { resolveFeatureSpace } from '../features/feature-space.js';
import { sequenceEmbedding } from '../features/sequence-embedding.js';
import { standardizeByReference } from '../features/standardize.js';
import { densityCoverageMetric, knnMetricOptionsSchema, precisionRecallMetric } from './knn-metrics.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function source(shape: number[], shift = 0): { data: DataSource; ctx: (rng: Rng) => MetricContext } {
  const size = shape.reduce((a, b) => a * b, 1);
  const draw = (rng: Rng, n: number, s: number) =>
    tf.tensor(
      rng.normalArray(n * size).map((v) => v + s),
      [n, ...shape],
    );
  const data: DataSource = {
    sampleShape: shape,
    sampler: (rng) => ({ next: (n) => ({ x: draw(rng, n, 0) }), state: () => null, restore: () => {} }),
  };
  return { data, ctx: (rng) => ({ generate: (n) => draw(rng, n, shift), data, rng }) };
}

describe('feature spaces', () => {
  it('auto picks by sample shape and explicit choices are checked', () => {
    expect(resolveFeatureSpace('auto', [5])).toBe('raw');
    expect(resolveFeatureSpace('auto', [24, 3])).toBe('sequence');
    expect(resolveFeatureSpace('auto', [28, 28, 1])).toBe('mnist-classifier');
    expect(resolveFeatureSpace('auto', [784])).toBe('mnist-classifier');
    expect(resolveFeatureSpace('auto', [32, 32, 3])).toBe('raw');
    expect(() => resolveFeatureSpace('mnist-classifier', [5])).toThrow(
      /scores 28×28 digits, got samples of shape \[5\]/,
    );
    expect(() => resolveFeatureSpace('sequence', [5])).toThrow(/windows of shape \[steps, channels\]/);
  });

  it('standardises both sets by the real set’s mean and sd', () => {
    const real = { values: Float64Array.from([0, 10, 2, 10]), rows: 2, dim: 2 };
    const fake = { values: Float64Array.from([4, 11]), rows: 1, dim: 2 };
    const s = standardizeByReference(real, fake);
    expect([...s.real.values]).toEqual([-1, 0, 1, 0]); // column 2 is constant: centred only
    expect([...s.fake.values]).toEqual([3, 1]);
  });

  it('embeds a window [T, C] as values + per-channel mean, sd and lag-1 autocorrelation', () => {
    // one window, T = 4, C = 1: 1, 2, 3, 4 → mean 2.5, sd √1.25, ρ = (−1.5·−0.5 + −0.5·0.5 + 0.5·1.5)/5 = 0.25
    const e = sequenceEmbedding({ values: Float64Array.from([1, 2, 3, 4]), rows: 1, dim: 4 }, 4, 1);
    expect(e.dim).toBe(7);
    expect([...e.values.subarray(0, 5)]).toEqual([1, 2, 3, 4, 2.5]);
    expect(e.values[5]).toBeCloseTo(Math.sqrt(1.25), 12);
    expect(e.values[6]).toBeCloseTo(0.25, 12);
  });

  it('uses the MNIST classifier’s 64 features for digits, loading it once', async () => {
    let loads = 0;
    const load = async () => (loads++, mnistClassifierFromParams(initMnistClassifier(new Rng(1, 'init'))));
    const rng = new Rng(2);
    const real = rng.uniformTensor([12, 28, 28, 1], -1, 1);
    const fake = rng.uniformTensor([12, 28, 28, 1], -1, 1);
    const e = await embedSamples(real, fake, 'auto', load);
    expect([e.space, e.real.dim, e.real.rows, loads]).toEqual(['mnist-classifier', 64, 12, 1]);
    tf.dispose([real, fake]);
  });
});

describe('the precision-recall, density-coverage and c2st metrics', () => {
  it('report their values for vectors and sequences and leak nothing', async () => {
    const vectors = source([3], 4);
    const sequences = source([8, 2]);
    const before = tf.memory().numTensors;
    const pr = await precisionRecallMetric({ samples: 100 }).compute(vectors.ctx(new Rng(1)));
    const dc = await densityCoverageMetric({ samples: 100, k: 3 }).compute(sequences.ctx(new Rng(2)));
    const c2 = await c2stMetric({ samples: 100, steps: 100 }).compute(vectors.ctx(new Rng(3)));
    expect(tf.memory().numTensors).toBe(before);
    expect(pr).toEqual({ precision: expect.any(Number), recall: expect.any(Number) });
    // generated points 4σ away along every axis: almost none lands in the real manifold
    expect(pr.precision).toBeLessThan(0.1);
    expect(dc.coverage).toBeGreaterThan(0.5);
    expect(c2).toEqual({ accuracy: expect.any(Number), p_value: expect.any(Number), n_test: 100 });
    expect(c2.accuracy).toBeGreaterThan(0.95);
  });

  it('are deterministic for the same metrics stream', async () => {
    const vectors = source([2], 0.3);
    const a = await c2stMetric({ samples: 60, steps: 30 }).compute(vectors.ctx(new Rng(4, 'metrics')));
    const b = await c2stMetric({ samples: 60, steps: 30 }).compute(vectors.ctx(new Rng(4, 'metrics')));
    expect(b).toEqual(a);
  });

  it('explain bad options', () => {
    expect(() => knnMetricOptionsSchema.parse({ samples: 20, k: 20 })).toThrow(
      /k must be smaller than samples/,
    );
    expect(() => knnMetricOptionsSchema.parse({ k: 0 })).toThrow(/k must be at least 1/);
    expect(() => knnMetricOptionsSchema.parse({ features: 'pixels' })).toThrow(
      /features must be one of auto, raw, sequence, mnist-classifier/,
    );
    expect(() => knnMetricOptionsSchema.parse({ chunk: 5 })).toThrow(/chunk/);
    expect(() => c2stOptionsSchema.parse({ testFraction: 1 })).toThrow(/testFraction must be < 1/);
    expect(() => c2stOptionsSchema.parse({ hidden: -1 })).toThrow(/hidden must be ≥ 0/);
  });
});
