import * as tf from '@tensorflow/tfjs';
import { Rng, DataError, ConfigError } from '@ganforge/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { gaussianMixture } from './gaussian-mixture.js';
import { grid, gridModes } from './grid.js';
import { mixture1d } from './mixture-1d.js';
import { ring, ringModes } from './ring.js';
import { spiral, spiralModes } from './spiral.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function draw(source: ReturnType<typeof ring>, n: number, seed = 1): Float32Array {
  const batch = source.sampler(new Rng(seed, 'data')).next(n);
  const values = batch.x.dataSync() as Float32Array;
  batch.x.dispose();
  return values;
}

describe('mixture sources', () => {
  it('ring defaults: 8 modes on the unit circle, σ 0.01 (BENCHMARKS.md §3)', () => {
    const r = ring();
    expect(r.sampleShape).toEqual([2]);
    expect(r.sigma).toBe(0.01);
    expect(r.modes).toHaveLength(8);
    for (const [x, y] of r.modes) expect(Math.hypot(x, y)).toBeCloseTo(1, 12);
    expect(r.modes[2][0]).toBeCloseTo(0, 12);
    expect(r.modes[2][1]).toBeCloseTo(1, 12);
    expect(ringModes(4, 2)[2]).toEqual([-2, expect.closeTo(0, 12)]);
  });

  it('grid defaults: 25 modes at {-4,-2,0,2,4}², σ 0.05', () => {
    const g = grid();
    expect(g.sigma).toBe(0.05);
    expect(g.modes).toHaveLength(25);
    const xs = [...new Set(g.modes.map((m) => m[0]))].sort((a, b) => a - b);
    expect(xs).toEqual([-4, -2, 0, 2, 4]);
    expect(gridModes(2, 1)).toEqual([
      [-0.5, -0.5],
      [-0.5, 0.5],
      [0.5, -0.5],
      [0.5, 0.5],
    ]);
  });

  it('spiral: modes at equal spacing along the curve, outermost at the radius', () => {
    const modes = spiralModes(20, 1.5, 1);
    expect(Math.hypot(...modes[19])).toBeCloseTo(1, 6);
    const gaps = modes.slice(1).map((m, i) => Math.hypot(m[0] - modes[i][0], m[1] - modes[i][1]));
    // chords of equal arcs: all within 15 % of each other, ≈ 0.24 apart (12σ at σ 0.02)
    expect(Math.min(...gaps) / Math.max(...gaps)).toBeGreaterThan(0.85);
    expect(Math.min(...gaps)).toBeGreaterThan(0.2);
    expect(spiral().modes).toHaveLength(20);
  });

  it('samples have the mixture mean and per-mode spread (ring, 20,000 draws)', () => {
    const r = ring();
    const v = draw(r, 20_000);
    let sx = 0;
    let sy = 0;
    let within = 0;
    for (let i = 0; i < 20_000; i++) {
      sx += v[2 * i];
      sy += v[2 * i + 1];
      const dist = Math.min(...r.modes.map((m) => Math.hypot(v[2 * i] - m[0], v[2 * i + 1] - m[1])));
      if (dist <= 3 * r.sigma) within++;
    }
    // mean of 8 symmetric modes is 0; sd of the mean ≈ 0.7/√20000 = 0.005
    expect(Math.abs(sx / 20_000)).toBeLessThan(0.02);
    expect(Math.abs(sy / 20_000)).toBeLessThan(0.02);
    // P(‖N(0, σ²I₂)‖ ≤ 3σ) = 1 − e^{−4.5} = 0.9889
    expect(within / 20_000).toBeCloseTo(0.9889, 2);
  });

  it('mixture-1d honours weights: 10,000 draws of w = (3, 1) put 75 % on the first mode', () => {
    const m = mixture1d({ means: [-5, 5], sigma: 0.1, weights: [3, 1] });
    expect(m.sampleShape).toEqual([1]);
    const v = draw(m, 10_000);
    const left = v.filter((x) => x < 0).length / 10_000;
    expect(left).toBeGreaterThan(0.74 - 0.02);
    expect(left).toBeLessThan(0.76 + 0.02);
  });

  it('draws only from the given stream: same seed, same batch; resume is exact', () => {
    const g = grid();
    expect(draw(g, 64, 7)).toEqual(draw(g, 64, 7));
    const rng = new Rng(3, 'data');
    const a = g.sampler(rng);
    a.next(10).x.dispose();
    const saved = { rng: rng.state(), sampler: JSON.parse(JSON.stringify(a.state())) };
    const expected = a.next(5).x;
    const rng2 = new Rng(99);
    rng2.restore(saved.rng);
    const b = g.sampler(rng2);
    b.restore(saved.sampler);
    const actual = b.next(5).x;
    expect(Array.from(actual.dataSync())).toEqual(Array.from(expected.dataSync()));
    expect(b.state()).toEqual({ drawn: 15 });
    tf.dispose([expected, actual]);
  });

  it('rejects bad options and bad sampler state', () => {
    expect(() => gaussianMixture({ modes: [[0, 0], [1]], sigma: 1 })).toThrow(/same dimension/);
    expect(() => gaussianMixture({ modes: [[0]], sigma: 0 })).toThrow(ConfigError);
    expect(() => ring({ sigma: -1 } as never)).toThrow();
    expect(() => ring().sampler(new Rng(1)).restore({ position: 3 })).toThrow(DataError);
  });
});
