import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adjustBrightness, adjustContrast, adjustSaturation } from './colour.js';
import { cutout } from './cutout.js';
import { flipHorizontal } from './flip.js';
import { translate } from './translate.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const values = (t: tf.Tensor) => Array.from(t.dataSync()).map((v) => Math.round(v * 1e5) / 1e5);

describe('augmentation operations against values worked out by hand', () => {
  it('brightness adds b per sample', () => {
    const x = tf.tensor4d([1, 2, 3, 4, 1, 2, 3, 4], [2, 2, 2, 1]);
    expect(values(adjustBrightness(x, tf.tensor1d([0.25, -0.5])))).toEqual([
      1.25, 2.25, 3.25, 4.25, 0.5, 1.5, 2.5, 3.5,
    ]);
  });

  it('saturation scales each pixel’s channels about their mean: (x − x̄_c)·s + x̄_c', () => {
    // Pixels (1, 3) and (0, 2): channel means 2 and 1; s = 0.5.
    const x = tf.tensor4d([1, 3, 0, 2], [1, 1, 2, 2]);
    expect(values(adjustSaturation(x, tf.tensor1d([0.5])))).toEqual([1.5, 2.5, 0.5, 1.5]);
    // One channel: x = x̄_c, nothing changes.
    const gray = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
    expect(values(adjustSaturation(gray, tf.tensor1d([1.7])))).toEqual([1, 2, 3, 4]);
  });

  it('contrast scales the image about its mean: (x − x̄)·c + x̄', () => {
    // Mean 3; c = 2 for the first sample, 0.5 for the second (mean 2.5).
    const x = tf.tensor4d([1, 2, 3, 6, 1, 2, 3, 4], [2, 2, 2, 1]);
    expect(values(adjustContrast(x, tf.tensor1d([2, 0.5])))).toEqual([-1, 1, 3, 9, 1.75, 2.25, 2.75, 3.25]);
  });

  it('translation: x′[i, j] = x[i + dy, j + dx], zeros from outside, channels together', () => {
    // Sample 0: 3×3 one channel, dy = 1, dx = −1. Sample 1: dy = −1, dx = 2.
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9], [2, 3, 3, 1]);
    expect(values(translate(x, tf.tensor1d([1, -1]), tf.tensor1d([-1, 2])))).toEqual([
      ...[0, 4, 5, 0, 7, 8, 0, 0, 0],
      ...[0, 0, 0, 3, 0, 0, 6, 0, 0],
    ]);
    // Two channels move together; a zero shift is the identity.
    const rgb = tf.tensor4d([1, 10, 2, 20, 3, 30, 4, 40], [1, 2, 2, 2]);
    expect(values(translate(rgb, tf.tensor1d([0]), tf.tensor1d([1])))).toEqual([2, 20, 0, 0, 4, 40, 0, 0]);
    expect(values(translate(rgb, tf.tensor1d([0]), tf.tensor1d([0])))).toEqual(values(rgb));
  });

  it('cutout zeroes rows [top, top + h) × columns [left, left + w), clipped to the image', () => {
    const x = tf.ones([3, 4, 4, 1]);
    const out = values(cutout(x, tf.tensor1d([1, -1, -2]), tf.tensor1d([2, 3, 0]), 2, 2));
    expect(out.slice(0, 16)).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 1, 1]);
    // top −1: only row 0 is inside; left 3: only column 3.
    expect(out.slice(16, 32)).toEqual([1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    // top −2 with height 2: wholly above the image, nothing is cut (ADA's "not applied").
    expect(out.slice(32)).toEqual(Array(16).fill(1));
  });

  it('flip mirrors left–right where f = 1 only', () => {
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6], [2, 2, 3, 1]);
    expect(values(flipHorizontal(x, tf.tensor1d([1, 0])))).toEqual([3, 2, 1, 6, 5, 4, 1, 2, 3, 4, 5, 6]);
  });
});
