import * as tf from '@tensorflow/tfjs';

/** ADA's state: all scalars, so that it is checkpointed as tensors and never read per step. */
export interface AdaState {
  /** The augmentation probability p ∈ [0, 1]. */
  p: tf.Tensor;
  /** r_t: the mean of sign(D(x_real)) over the current interval's updates so far. */
  rt: tf.Tensor;
  /** Σ mean(sign(D(x_real))) over the current interval's updates. */
  signSum: tf.Tensor;
  /** Discriminator updates counted in the current interval (0 … interval − 1). */
  updates: tf.Tensor;
}

/** The constants of the p update. */
export interface AdaSchedule {
  /** The target of r_t (ADA: 0.6). */
  target: number;
  /** D updates per adjustment (ADA: 4). */
  interval: number;
  /** |Δp| per adjustment: batch · interval / rampImages (ADA: p can go 0 → 1 in 500k images). */
  stepSize: number;
}

/** ADA's starting state: p = `p0`, an empty interval. */
export function initialAdaState(p0: number): AdaState {
  return { p: tf.scalar(p0), rt: tf.scalar(0), signSum: tf.scalar(0), updates: tf.scalar(0) };
}

/**
 * One discriminator update's step of ADA's heuristic (Karras et al. 2020, "Training Generative
 * Adversarial Networks with Limited Data", arXiv:2006.06676, §3 and the reference code's
 * `ada_stats`/`adjust`):
 *
 *   r_t = E[sign(D_train(x))]   over the interval's real scores
 *   p ← clip(p + sign(r_t − target) · N·I / R, 0, 1)   every I = `interval` updates
 *
 * with N the batch size and R = `rampImages`. Each update's mean sign counts once (the batches
 * are the same size). The interval's end is decided in tensors (no read), so the step is one
 * expression per state tensor. Returns new tensors; `state` is left as it was.
 */
export function adaUpdate(state: AdaState, realScores: tf.Tensor, schedule: AdaSchedule): AdaState {
  return tf.tidy(() => {
    const signSum = tf.add(state.signSum, tf.mean(tf.sign(realScores)));
    const updates = tf.add(state.updates, 1);
    const rt = tf.div(signSum, updates);
    const due = tf.cast(tf.greaterEqual(updates, schedule.interval), 'float32');
    const step = tf.mul(tf.sign(tf.sub(rt, schedule.target)), schedule.stepSize);
    const p = tf.clipByValue(tf.add(state.p, tf.mul(due, step)), 0, 1);
    const keep = tf.sub(1, due);
    return { p, rt, signSum: tf.mul(keep, signSum), updates: tf.mul(keep, updates) };
  });
}
