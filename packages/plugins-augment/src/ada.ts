import * as tf from '@tensorflow/tfjs';
import type { Augment, DiscriminatorUpdate, ParamTree, Rng, StatefulComponent } from '@ganforge/core';
import { adaUpdate, initialAdaState, type AdaSchedule, type AdaState } from './ada-update.js';
import { drawOps } from './draw-ops.js';
import { DrawnTransform } from './drawn-transform.js';
import type { AugmentSettings } from './policy.js';

const STATE_PATHS = ['p', 'rt', 'sign_sum', 'updates'] as const;

/**
 * Adaptive discriminator augmentation (Karras, Aittala, Hellsten, Laine, Lehtinen & Aila 2020,
 * "Training Generative Adversarial Networks with Limited Data", arXiv:2006.06676) over
 * DiffAugment's differentiable operations: each operation of `settings.policy` applies to each
 * sample with probability p (else its identity), and p follows the overfitting heuristic
 * r_t = E[sign(D(x_real))] toward `schedule.target` ({@link adaUpdate}). The full 18-operation
 * ADA pipeline (rotations, anisotropic scaling, filtering, noise, …) is not built: these are the
 * DiffAugment operations (plus flip) with ADA's adaptive p.
 *
 * A {@link StatefulComponent}: p, r_t and the interval's accumulators are checkpointed as
 * `component-state/augment` and updated after each discriminator update (never inside a gradient
 * tape). Logs `augment_p` and `augment_rt` every step.
 */
export class AdaptiveAugment implements Augment, StatefulComponent {
  readonly name: string = 'ada';
  private state: AdaState;

  constructor(
    /** Policy and sizes. */
    readonly settings: AugmentSettings,
    /** Target, interval and step size of p. */
    readonly schedule: AdaSchedule,
    /** `[H, W, C]` of one image. */
    readonly imageShape: readonly [number, number, number],
    initialP: number,
  ) {
    this.state = initialAdaState(initialP);
  }

  /** The current augmentation probability p (a scalar owned by this object). */
  get p(): tf.Tensor {
    return this.state.p;
  }

  draw(n: number, rng: Rng): DrawnTransform {
    const gate = (r: Rng, size: number) => tf.cast(tf.less(r.uniformTensor([size]), this.state.p), 'float32');
    return new DrawnTransform(
      drawOps(rng, n, this.imageShape, this.settings, gate),
      n,
      this.imageShape,
      'augment',
    );
  }

  logs(): Record<string, tf.Scalar> {
    return { p: this.state.p.clone() as tf.Scalar, rt: this.state.rt.clone() as tf.Scalar };
  }

  afterDiscriminatorUpdate(update: DiscriminatorUpdate): void {
    this.replace(adaUpdate(this.state, update.realScores, this.schedule));
  }

  getState(): ParamTree {
    const s = this.state;
    return { p: s.p, rt: s.rt, sign_sum: s.signSum, updates: s.updates };
  }

  setState(state: ParamTree): void {
    const copy = tf.tidy(() => Object.fromEntries(STATE_PATHS.map((k) => [k, state[k].clone()])));
    this.replace({ p: copy.p, rt: copy.rt, signSum: copy.sign_sum, updates: copy.updates });
  }

  dispose(): void {
    for (const t of Object.values(this.state)) if (!t.isDisposed) t.dispose();
  }

  private replace(next: AdaState): void {
    this.dispose();
    this.state = next;
  }
}
