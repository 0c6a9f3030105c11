import * as tf from '@tensorflow/tfjs';
import type { ParamTree } from '../types/network.js';

/** The two settings of the generator's exponential moving average (the config's `ema` block). */
export interface EmaSettings {
  /** The decay β ∈ (0, 1) of θ_ema ← β·θ_ema + (1 − β)·θ; GANForge's default 0.999. */
  decay: number;
  /**
   * The last step whose weights are copied instead of averaged (θ_ema ← θ while t ≤ startStep);
   * GANForge's default 0 (average from the first step on, as StudioGAN's `ema_start` 0).
   */
  startStep: number;
  /**
   * Standing statistics for the averaged generator (StudioGAN's `standing_statistics`): the
   * number K of noise batches (of the run's batch size) run through G(·; θ_ema) in training mode
   * to recompute its batch-norm running statistics as their plain average, instead of borrowing
   * the raw generator's. 0 (GANForge's default) borrows them. See `standingStatistics`.
   */
  standingBatches?: number;
}

/**
 * One update of the generator's exponential moving average (EMA), after the generator update of
 * step `step` (1 for the run's first step: the trainer's step count after the step):
 *
 * ```text
 * θ_ema ← θ                        if step ≤ startStep
 * θ_ema ← β·θ_ema + (1 − β)·θ      otherwise
 * ```
 *
 * Yazıcı et al. 2019, "The unusual effectiveness of averaging in GAN training"
 * (arXiv:1806.04498), with StudioGAN's start step. Pure: returns new tensors for every path of
 * `params` and leaves both inputs alone (the caller disposes what it replaces).
 */
export function emaUpdate(
  average: ParamTree,
  params: ParamTree,
  settings: EmaSettings,
  step: number,
): ParamTree {
  return tf.tidy(() => {
    const out: ParamTree = {};
    for (const [path, theta] of Object.entries(params)) {
      const avg = average[path];
      out[path] =
        step <= settings.startStep || avg === undefined
          ? theta.clone()
          : tf.add(tf.mul(avg, settings.decay), tf.mul(theta, 1 - settings.decay));
    }
    return out;
  });
}
