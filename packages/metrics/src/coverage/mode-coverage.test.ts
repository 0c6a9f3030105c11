import * as tf from '@tensorflow/tfjs';
import { ConfigError, Rng, type DataSource, type MetricContext } from '@ganforge/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { modeCoverage } from './mode-coverage.js';
import { modeCoverageMetric } from './mode-coverage-metric.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const ring8 = Array.from({ length: 8 }, (_, k) => [Math.cos((k * Math.PI) / 4), Math.sin((k * Math.PI) / 4)]);
const sigma = 0.01;

/** `perMode[k]` points at distance `offset` from mode k (rotated by k so directions differ). */
function pointsOn(perMode: number[], offset = 0): number[] {
  const out: number[] = [];
  perMode.forEach((count, k) => {
    for (let i = 0; i < count; i++) {
      const a = (2 * Math.PI * i) / Math.max(1, count);
      out.push(ring8[k][0] + offset * Math.cos(a), ring8[k][1] + offset * Math.sin(a));
    }
  });
  return out;
}

describe('modeCoverage (PacGAN protocol, BENCHMARKS.md §3)', () => {
  it('all points on one mode: 1 mode, 100 % HQ, reverse KL = log 8', () => {
    const c = modeCoverage(pointsOn([2500, 0, 0, 0, 0, 0, 0, 0], 0.5 * sigma), ring8, sigma);
    expect(c.modes).toBe(1);
    expect(c.highQuality).toBe(1);
    expect(c.reverseKl).toBeCloseTo(Math.log(8), 12);
    expect(c.counts).toEqual([2500, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('a perfectly balanced sample: all 8 modes, reverse KL 0', () => {
    const c = modeCoverage(pointsOn(new Array(8).fill(300), 2 * sigma), ring8, sigma);
    expect(c.modes).toBe(8);
    expect(c.highQuality).toBe(1);
    expect(c.reverseKl).toBeCloseTo(0, 12);
  });

  it('points far from every mode: 0 % HQ, 0 modes, reverse KL undefined (NaN)', () => {
    const c = modeCoverage([0, 0, 0.5, 0.5, 3, 3, -0.2, 0.1], ring8, sigma);
    expect(c.highQuality).toBe(0);
    expect(c.modes).toBe(0);
    expect(c.reverseKl).toBeNaN();
  });

  it('the 3σ boundary, a worked mixed case and KL over HQ samples only', () => {
    // 2.99σ counts, 3.01σ does not (distance from mode 0 along x)
    expect(modeCoverage([1 + 2.99 * sigma, 0], ring8, sigma).highQuality).toBe(1);
    expect(modeCoverage([1 + 3.01 * sigma, 0], ring8, sigma).highQuality).toBe(0);
    // 30 on mode 0, 10 on mode 1, 60 far away: HQ 40 %, 2 modes,
    // q = (3/4, 1/4): KL = 3/4·log(8·3/4) + 1/4·log(8/4) = 0.75 log 6 + 0.25 log 2
    const points = [...pointsOn([30, 10, 0, 0, 0, 0, 0, 0], sigma), ...new Array(120).fill(0)];
    const c = modeCoverage(points, ring8, sigma);
    expect(c.modes).toBe(2);
    expect(c.highQuality).toBeCloseTo(0.4, 12);
    expect(c.reverseKl).toBeCloseTo(0.75 * Math.log(6) + 0.25 * Math.log(2), 12);
  });

  it('works in one dimension and rejects malformed input', () => {
    // −1.05 is 2.5σ from −1 (HQ); 0 is 50σ from both modes
    const c = modeCoverage([-1, -1.05, 1, 0], [[-1], [1]], 0.02);
    expect(c).toMatchObject({ modes: 2, highQuality: 0.75, counts: [2, 1] });
    expect(() => modeCoverage([1, 2, 3], ring8, sigma)).toThrow(/whole number of 2-dimensional/);
    expect(() => modeCoverage([1, 2], [], sigma)).toThrow(ConfigError);
  });
});

describe('the mode-coverage metric', () => {
  it('scores generated samples against the data source’s modes and disposes them', async () => {
    const data = {
      sampleShape: [2],
      modes: ring8,
      sigma,
      sampler: () => {
        throw new Error('unused');
      },
    } as unknown as DataSource;
    const balanced = pointsOn(new Array(8).fill(10));
    const ctx: MetricContext = {
      generate: (n) => tf.tensor2d(balanced.slice(0, 2 * n), [n, 2]),
      data,
      rng: new Rng(1),
    };
    const before = tf.memory().numTensors;
    const values = await modeCoverageMetric({ samples: 80 }).compute(ctx);
    expect(tf.memory().numTensors).toBe(before);
    expect(values).toEqual({ modes: 8, high_quality: 1, reverse_kl: expect.closeTo(0, 12) });
  });

  it('needs modes and σ from the data or the options', () => {
    const data = {
      sampleShape: [2],
      sampler: () => {
        throw new Error('unused');
      },
    } as unknown as DataSource;
    const ctx: MetricContext = { generate: (n) => tf.zeros([n, 2]), data, rng: new Rng(1) };
    expect(() => modeCoverageMetric().compute(ctx)).toThrow(/mixture data source/);
    const values = modeCoverageMetric({ samples: 4, modes: [[0, 0]], sigma: 0.1 }).compute(ctx);
    expect(values).toEqual({ modes: 1, high_quality: 1, reverse_kl: 0 });
  });
});
