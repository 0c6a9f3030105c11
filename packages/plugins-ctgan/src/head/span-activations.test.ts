import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '@ganforge/core';
import { checkGradient } from '@ganforge/core/testing';
import { handLayout } from '../test-helpers.js';
import { activateSpans, headPlan } from './span-activations.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const layout = handLayout();
const plan = headPlan(layout.spans, layout.width);
const logitsRow = [0.5, 1, 0.5, -1, -2, 0.3, 0.1, -0.4, 0.8];
const noiseRow = [-0.3, 0.4, 0.1, 0.2, -0.2, 0, 0];

describe('headPlan', () => {
  it('maps the layout to tanh and Gumbel-softmax spans, with noise columns for the one-hot spans', () => {
    expect(plan).toEqual({
      width: 9,
      noiseWidth: 7,
      spans: [
        { kind: 'tanh', start: 0, width: 1, noiseStart: -1 },
        { kind: 'gumbel-softmax', start: 1, width: 3, noiseStart: 0 },
        { kind: 'tanh', start: 4, width: 1, noiseStart: -1 },
        { kind: 'gumbel-softmax', start: 5, width: 2, noiseStart: 3 },
        { kind: 'gumbel-softmax', start: 7, width: 2, noiseStart: 5 },
      ],
    });
  });

  it('refuses spans that do not tile the row, naming the path', () => {
    const gap = layout.spans.map((s) => (s.start >= 5 ? { ...s, start: s.start + 1 } : s));
    expect(() => headPlan(gap, 10, 'data')).toThrow(ConfigError);
    expect(() => headPlan(gap, 10, 'data')).toThrow(
      /^data: the table layout's span 3 \(column 'c'\) starts at 6/,
    );
    expect(() => headPlan(layout.spans, 10, 'data')).toThrow(
      "data: the table layout's spans cover 9 of the 10 encoded columns",
    );
  });
});

describe('activateSpans', () => {
  it('tanh on continuous spans, softmax((l + g)/τ) on each one-hot span (hand-computed, τ = 0.2)', () => {
    const l = tf.tensor2d([logitsRow]);
    const g = tf.tensor2d([noiseRow]);
    const y = activateSpans(l, plan, g, { tau: 0.2, hard: false });
    expect(y.shape).toEqual([1, 9]);
    const expected = [
      0.4621171573, 0.2689171597, 0.7309926286, 9.021165709e-5, -0.9640275801, 0.9525741268, 0.04742587318,
      0.002472623157, 0.9975273768,
    ];
    const got = Array.from(y.dataSync());
    expected.forEach((v, i) => expect(got[i], `column ${i}`).toBeCloseTo(v, 6));
    tf.dispose([l, g, y]);
  });

  it('hard: exact one-hots of argmax(l + g) per span, tanh unchanged', () => {
    const l = tf.tensor2d([logitsRow]);
    const g = tf.tensor2d([noiseRow]);
    const y = activateSpans(l, plan, g, { tau: 0.2, hard: true });
    const got = Array.from(y.dataSync());
    expect(got.slice(1, 4)).toEqual([0, 1, 0]);
    expect(got.slice(5, 9)).toEqual([1, 0, 0, 1]);
    expect(got[0]).toBeCloseTo(Math.tanh(0.5), 6);
    tf.dispose([l, g, y]);
  });

  it('its gradient with respect to the raw outputs matches central finite differences', () => {
    const l = tf.tensor2d([logitsRow, logitsRow.map((v) => -0.7 * v + 0.1)]);
    const g = tf.tensor2d([noiseRow, noiseRow.map((v) => 0.5 - v)]);
    const w = tf.tensor2d([
      [0.3, -1.2, 0.8, 0.5, 1.1, -0.6, 0.9, 0.4, -0.2],
      [1, 0.2, -0.5, 0.7, -0.9, 0.3, 0.6, -1, 0.5],
    ]);
    // A weighted sum of every output; τ = 1 keeps the softmax away from saturation (float32 FD).
    const f = (x: tf.Tensor) =>
      tf.sum(tf.mul(w, activateSpans(x, plan, g, { tau: 1, hard: false }))) as tf.Scalar;
    const check = checkGradient(f, l);
    expect(check.relativeError).toBeLessThan(1e-3);
    tf.dispose([l, g, w]);
  });
});
