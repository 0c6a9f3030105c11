import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGradient } from '@ganforge/core/testing';
import { handLayout } from '../test-helpers.js';
import { conditionCrossEntropy } from './condition-loss.js';
import { conditionSlots } from './condition-slots.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const slots = conditionSlots(handLayout());
// Raw outputs of 3 rows (width 9); b's span is [1–3], d's [7–8].
const logits = [
  [0.5, 1, 0.5, -1, -2, 0.3, 0.1, 0.4, -0.2],
  [-0.4, 2, 0, 1, 0.7, -1, 1, -1, 1],
  [0, 0.2, 0.4, 0.6, 0, 1.5, -0.5, 0.3, 0.3],
];
// Row 0 asks b = <missing> (slot 2), row 1 d = false (slot 3), row 2 b = x (slot 0).
const cond = [
  [0, 0, 1, 0, 0],
  [0, 0, 0, 1, 0],
  [1, 0, 0, 0, 0],
];

describe('conditionCrossEntropy', () => {
  it('is the mean over rows of the cross-entropy on the conditioned span only (hand-computed)', () => {
    // logsumexp(1, 0.5, −1) − (−1) = 2.554956920; logsumexp(−1, 1) − (−1) = 2.126928011;
    // logsumexp(0.2, 0.4, 0.6) − 0.2 = 1.311901433; mean 1.997928788.
    const l = tf.tensor2d(logits);
    const c = tf.tensor2d(cond);
    const loss = conditionCrossEntropy(l, c, slots);
    expect(loss.shape).toEqual([]);
    expect(loss.dataSync()[0]).toBeCloseTo(1.997928788, 5);
    tf.dispose([l, c, loss]);
  });

  it('ignores the outputs of every other span, and is 0 without conditioned spans', () => {
    const other = logits.map((row) => row.map((v, j) => (j === 0 || (j >= 4 && j <= 6) ? v * 7 - 3 : v)));
    const [l, c] = [tf.tensor2d(other), tf.tensor2d(cond)];
    expect(conditionCrossEntropy(l, c, slots).dataSync()[0]).toBeCloseTo(1.997928788, 5);
    expect(conditionCrossEntropy(l, c, { spans: [], offsets: [], width: 0 }).dataSync()[0]).toBe(0);
    tf.dispose([l, c]);
  });

  it('its gradient with respect to the raw outputs matches central finite differences', () => {
    const [l, c] = [tf.tensor2d(logits), tf.tensor2d(cond)];
    const check = checkGradient((x) => conditionCrossEntropy(x, c, slots), l);
    expect(check.relativeError).toBeLessThan(1e-3);
    tf.dispose([l, c]);
  });
});
