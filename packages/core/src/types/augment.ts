import type * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng/rng.js';

/**
 * One draw of an augmentation's random parameters for a batch: a fixed transform T that the
 * trainer applies to the real batch and to the generated batch alike (one shared draw).
 */
export interface AugmentTransform {
  /** The number of samples the parameters were drawn for; `apply` needs batches of this size. */
  readonly batchSize: number;
  /**
   * T(x) for a batch `[batchSize, ...sampleShape]`: a pure, differentiable function of `x` (the
   * drawn parameters are constants), so gradients — and the second-order gradients of the
   * gradient penalty and R1 — flow through it.
   */
  apply(x: tf.Tensor): tf.Tensor;
}

/**
 * A differentiable augmentation applied to everything the discriminator sees during training
 * (DiffAugment, Zhao et al. 2020, arXiv:2006.10738; ADA, Karras et al. 2020, arXiv:2006.06676):
 * the `augment` config block. In every discriminator update and every generator update the
 * trainer draws one T and trains D∘T: D(T(x)) on the real batch and D(T(G(z))) on the generated
 * one. Losses and regularizers see D∘T as `ctx.d` and the un-augmented `ctx.real.x`/`ctx.fake`,
 * so a gradient penalty or R1 is the penalty of D∘T, differentiated through T.
 *
 * An augmentation with state (ADA's p) also implements `StatefulComponent`.
 */
export interface Augment {
  readonly name: string;
  /**
   * Draws T's parameters for `n` samples from `rng` (the run's `augment` stream). Called inside
   * the trainer's `tf.tidy`: the draw's tensors are released with the update.
   */
  draw(n: number, rng: Rng): AugmentTransform;
  /**
   * Values logged every step as `augment_<key>` in StepLogs (ADA: `augment_p`, `augment_rt`);
   * returns new scalars (the trainer releases them).
   */
  logs?(): Record<string, tf.Scalar>;
}
