import * as tf from '@tensorflow/tfjs';
import type { ConditionSlots } from './condition-slots.js';

/**
 * CTGAN's condition loss (Xu et al. 2019, arXiv:1907.00503, §4.3, "the generator loss"): the
 * cross-entropy between the generator's raw outputs l (before the Gumbel-softmax) on the span
 * of each row's conditioned column and the asked category, averaged over the batch:
 *
 *   L_cond = (1/n) Σ_i Σ_s m_{i,s} · (logsumexp(l_{i,s}) − Σ_k c_{i,s,k} · l_{i,s,k})
 *
 * where c_{i,s} is span s's part of row i's conditional vector and m_{i,s} = Σ_k c_{i,s,k} is 1
 * for the conditioned span, 0 for the others (CTGAN's `_cond_loss`). `logits` is `[n, D]`, `cond`
 * `[n, C]`.
 */
export function conditionCrossEntropy(logits: tf.Tensor, cond: tf.Tensor, slots: ConditionSlots): tf.Scalar {
  return tf.tidy(() => {
    const n = logits.shape[0];
    const terms = slots.spans.map((span, s) => {
      const l = tf.slice(logits, [0, span.start], [n, span.width]);
      const c = tf.slice(cond, [0, slots.offsets[s]], [n, span.width]);
      const mask = tf.sum(c, 1);
      const picked = tf.sum(tf.mul(c, l), 1);
      return tf.sum(tf.sub(tf.mul(mask, tf.logSumExp(l, 1)), picked));
    });
    if (terms.length === 0) return tf.scalar(0);
    return tf.div(tf.addN(terms), n) as tf.Scalar;
  });
}
