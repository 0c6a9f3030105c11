import * as tf from '@tensorflow/tfjs';
import { Rng } from '@ganforge/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawOps, type GateDraw } from './draw-ops.js';
import { DiffAugment } from './diff-augment.js';
import { applyOpDraws, type OpDraw } from './op-draws.js';
import { DIFF_AUGMENT_DEFAULTS } from './policy.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const byOp = (draws: OpDraw[]) => Object.fromEntries(draws.map((d) => [d.op, d])) as Record<string, OpDraw>;
const read = (t: tf.Tensor) => Array.from(t.dataSync());
const gateWith =
  (p: number): GateDraw =>
  (rng, n) =>
    tf.cast(tf.less(rng.uniformTensor([n]), p), 'float32');

describe('drawOps: the reference code’s distributions', () => {
  it('draws brightness, saturation, contrast, shifts and cut-out corners in their ranges', () => {
    const n = 4000;
    const draws = byOp(
      drawOps(new Rng(1, 'augment'), n, [8, 8, 3], {
        ...DIFF_AUGMENT_DEFAULTS,
        policy: ['color', 'translation', 'cutout', 'flip'],
      }),
    );
    const within = (v: number[], lo: number, hi: number) => v.every((x) => x >= lo && x < hi);
    const b = read((draws.brightness as { offsets: tf.Tensor }).offsets);
    expect(within(b, -0.5, 0.5)).toBe(true);
    expect(Math.abs(b.reduce((a, x) => a + x, 0) / n)).toBeLessThan(0.02);
    expect(within(read((draws.saturation as { factors: tf.Tensor }).factors), 0, 2)).toBe(true);
    expect(within(read((draws.contrast as { factors: tf.Tensor }).factors), 0.5, 1.5)).toBe(true);
    // 8 px and ratio 0.125: s = ⌊1 + 0.5⌋ = 1, shifts in {−1, 0, 1}, each about a third.
    const t = draws.translation as { dy: tf.Tensor; dx: tf.Tensor };
    for (const shifts of [read(t.dy), read(t.dx)]) {
      expect([...new Set(shifts)].sort()).toEqual([-1, 0, 1]);
      expect(shifts.filter((s) => s === 1).length / n).toBeCloseTo(1 / 3, 1);
    }
    // Cut-out 4×4 (ratio 0.5): centre o ∈ {0, …, 8}, corner o − 2 ∈ {−2, …, 6}.
    const c = draws.cutout as { top: tf.Tensor; left: tf.Tensor; height: number; width: number };
    expect([c.height, c.width]).toEqual([4, 4]);
    expect([...new Set(read(c.top))].sort((a, z) => a - z)).toEqual([-2, -1, 0, 1, 2, 3, 4, 5, 6]);
    expect([...new Set(read((draws.flip as { flips: tf.Tensor }).flips))].sort()).toEqual([0, 1]);
  });

  it('keeps the policy’s order (colour expands to brightness, saturation, contrast)', () => {
    const settings = { ...DIFF_AUGMENT_DEFAULTS, policy: ['cutout', 'color', 'flip'] as const };
    expect(drawOps(new Rng(2), 2, [4, 4, 1], settings).map((d) => d.op)).toEqual([
      'cutout',
      'brightness',
      'saturation',
      'contrast',
      'flip',
    ]);
  });

  it('with a gate: p = 0 draws identities (T(x) = x), and the stream advances the same for any p', () => {
    const x = tf.tensor(
      Array.from({ length: 2 * 4 * 4 * 3 }, (_, i) => Math.sin(i)),
      [2, 4, 4, 3],
    );
    const settings = {
      ...DIFF_AUGMENT_DEFAULTS,
      policy: ['color', 'translation', 'cutout', 'flip'] as const,
    };
    const runs = [0, 0.5, 1].map((p) => {
      const rng = new Rng(3);
      const y = read(applyOpDraws(x, drawOps(rng, 2, [4, 4, 3], settings, gateWith(p))));
      return { state: rng.state(), y };
    });
    const identity = read(x);
    runs[0].y.forEach((v, i) => expect(v).toBeCloseTo(identity[i], 6));
    expect(Math.max(...runs[2].y.map((v, i) => Math.abs(v - identity[i])))).toBeGreaterThan(0.1);
    expect(runs[1].state).toEqual(runs[0].state);
    expect(runs[2].state).toEqual(runs[0].state);
  });
});

describe('one draw, applied to the real and the generated batch alike', () => {
  it('applies the same parameters to every batch it is given, and a new draw differs', () => {
    const aug = new DiffAugment(DIFF_AUGMENT_DEFAULTS, [8, 8, 1]);
    const rng = new Rng(4, 'augment');
    const t = aug.draw(3, rng);
    const real = tf.tensor(
      Array.from({ length: 192 }, (_, i) => Math.cos(i)),
      [3, 8, 8, 1],
    );
    const fake = real.clone();
    expect(read(t.apply(fake))).toEqual(read(t.apply(real)));
    expect(read(aug.draw(3, rng).apply(real))).not.toEqual(read(t.apply(real)));
  });

  it('refuses a batch of another size or shape, naming both', () => {
    const t = new DiffAugment(DIFF_AUGMENT_DEFAULTS, [4, 4, 1]).draw(2, new Rng(5));
    expect(() => t.apply(tf.zeros([3, 4, 4, 1]))).toThrow(
      'augment: the augmentation was drawn for 2 images of shape [4, 4, 1], but was applied to a batch of shape [3, 4, 4, 1]',
    );
  });
});
