import * as tf from '@tensorflow/tfjs';
import type { Rng } from '@ganforge/core';
import type { OpDraw } from './op-draws.js';
import { pixelsOf, type AugmentSettings } from './policy.js';

/**
 * Draws per sample whether each operation applies (1) or not (0): ADA's Bernoulli(p) per
 * operation and sample. Absent: every operation applies (DiffAugment).
 */
export type GateDraw = (rng: Rng, n: number) => tf.Tensor;

/**
 * Draws the parameters of `settings.policy` for `n` images of shape `[H, W, C]` from `rng`, with
 * the reference code's distributions (Zhao et al. 2020, arXiv:2006.10738, DiffAugment):
 * brightness b = r − 0.5, saturation s = 2r, contrast c = r + 0.5 (r ~ U[0, 1)); translation
 * dy, dx uniform on {−s, …, s}, s = ⌊ratio·side + 0.5⌋; cutout of ⌊ratio·side + 0.5⌋ pixels
 * centred at o uniform on {0, …, side − (size mod 2)}; flip with probability ½.
 *
 * With `gate`, an operation a sample does not get is drawn anyway (so the stream advances the
 * same way for every p) and replaced by its identity: b = 0, s = c = 1, no shift, a cut-out
 * rectangle above the image, no flip.
 */
export function drawOps(
  rng: Rng,
  n: number,
  imageShape: readonly [number, number, number],
  settings: AugmentSettings,
  gate?: GateDraw,
): OpDraw[] {
  const [h, w] = imageShape;
  const uniform = (lo = 0, hi = 1) => rng.uniformTensor([n], lo, hi);
  const integers = (count: number, offset: number) =>
    tf.tensor(
      Array.from(rng.uniformArray(n), (u) => Math.floor(u * count) + offset),
      [n],
      'float32',
    );
  const gated = (value: tf.Tensor, identity: number): tf.Tensor => {
    if (!gate) return value;
    const g = gate(rng, n);
    return tf.add(tf.mul(g, value), tf.mul(tf.sub(1, g), identity));
  };
  const draws: OpDraw[] = [];
  for (const policy of settings.policy) {
    if (policy === 'color') {
      draws.push({ op: 'brightness', offsets: gated(uniform(-0.5, 0.5), 0) });
      draws.push({ op: 'saturation', factors: gated(uniform(0, 2), 1) });
      draws.push({ op: 'contrast', factors: gated(uniform(0.5, 1.5), 1) });
    } else if (policy === 'translation') {
      const sy = pixelsOf(settings.translationRatio, h);
      const sx = pixelsOf(settings.translationRatio, w);
      const dy = integers(2 * sy + 1, -sy);
      const dx = integers(2 * sx + 1, -sx);
      const g = gate?.(rng, n);
      draws.push({ op: 'translation', dy: g ? tf.mul(g, dy) : dy, dx: g ? tf.mul(g, dx) : dx });
    } else if (policy === 'cutout') {
      const height = pixelsOf(settings.cutoutRatio, h);
      const width = pixelsOf(settings.cutoutRatio, w);
      const top = integers(h + 1 - (height % 2), -Math.floor(height / 2));
      const left = integers(w + 1 - (width % 2), -Math.floor(width / 2));
      draws.push({ op: 'cutout', top: gated(top, -height), left, height, width });
    } else {
      draws.push({ op: 'flip', flips: gated(integers(2, 0), 0) });
    }
  }
  return draws;
}
