import * as tf from '@tensorflow/tfjs';
import { stopGradient } from './stop-gradient.js';

/** LeCam's anchors (Tseng et al. 2021, arXiv:2104.03310): moving averages of D's mean outputs. */
export interface LecamAnchors {
  /** α_R, the moving average of E_x[D(x)] over discriminator updates. */
  real: tf.Scalar;
  /** α_F, the moving average of E_z[D(G(z))] over discriminator updates. */
  fake: tf.Scalar;
}

/**
 * The LeCam penalty without its weight (Tseng, Jiang, Liu, Yang & Yang 2021, arXiv:2104.03310):
 *
 *   R_LC = E_x[‖D(x) − α_F‖²] + E_z[‖D(G(z)) − α_R‖²]
 *
 * Each real score is pulled towards the anchor of the *fake* scores and each fake score towards
 * the anchor of the *real* ones, which bounds how far D's outputs on the two sides can drift
 * apart; the paper shows the regularized objective is a weighted LeCam divergence, more robust
 * than the Jensen–Shannon one when data is scarce. With `oneSided` (the default, as the authors'
 * BigGAN and StyleGAN2 code and StudioGAN do), only scores on the wrong side of the anchor count:
 *
 *   R_LC = E_x[max(0, D(x) − α_F)²] + E_z[max(0, α_R − D(G(z)))²]
 *
 * The expectations run over the rows of the score tensors. The anchors are constants here: pass
 * ones that carry no gradient ({@link lecamAnchorUpdate} detaches the means it averages).
 */
export function lecamPenalty(
  realScores: tf.Tensor,
  fakeScores: tf.Tensor,
  anchors: LecamAnchors,
  oneSided = true,
): tf.Scalar {
  return tf.tidy(() => {
    let realGap = tf.sub(realScores, anchors.fake);
    let fakeGap = tf.sub(anchors.real, fakeScores);
    if (oneSided) {
      realGap = tf.relu(realGap);
      fakeGap = tf.relu(fakeGap);
    }
    return tf.add(tf.mean(tf.square(realGap)), tf.mean(tf.square(fakeGap))) as tf.Scalar;
  });
}

/**
 * One step of LeCam's anchors: with m_R = E[D(x)] and m_F = E[D(G(z))] of this discriminator
 * update (detached: no gradient flows into them) and t = `updates` + 1,
 *
 *   α ← α + w_t · (m − α),   w_t = (1 − β) / (1 − βᵗ)
 *
 * which is the zero-debiased exponential moving average with decay β: anchors that start at 0
 * and are divided by 1 − βᵗ, as the authors' StyleGAN2 code does (TensorFlow's
 * `assign_moving_average(…, zero_debias=True)`). The first update (w₁ = 1) sets α to that
 * update's mean; later ones weigh update t − k by (1 − β)βᵏ / (1 − βᵗ). `updates` is the number
 * of updates already averaged into `anchors` (0 for fresh anchors, which start at 0).
 * Returns new tensors; the caller owns them.
 */
export function lecamAnchorUpdate(
  anchors: LecamAnchors,
  realScores: tf.Tensor,
  fakeScores: tf.Tensor,
  decay: number,
  updates: number,
): LecamAnchors {
  const w = (1 - decay) / (1 - decay ** (updates + 1));
  return tf.tidy(() => {
    const move = (anchor: tf.Scalar, scores: tf.Tensor): tf.Scalar =>
      tf.add(anchor, tf.mul(tf.sub(stopGradient(tf.mean(scores)), anchor), w)) as tf.Scalar;
    return { real: move(anchors.real, realScores), fake: move(anchors.fake, fakeScores) };
  });
}
