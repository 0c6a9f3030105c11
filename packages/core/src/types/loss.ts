import type * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng/rng.js';
import type { Batch } from './data.js';
import type { Discriminator, Generator, ParamTree } from './network.js';

/** Scores and features of one discriminator pass. */
export interface DiscriminatorScores {
  score: tf.Tensor;
  features: tf.Tensor;
}

/** Everything a loss, a regularizer, a hook or a log may need about the current update. */
export interface LossContext {
  real: Batch;
  fake: tf.Tensor;
  z: tf.Tensor;
  cond?: tf.Tensor;
  realOut: DiscriminatorScores;
  fakeOut: DiscriminatorScores;
  d: Discriminator;
  /** The discriminator parameters in use (differentiated in a D update). */
  dParams: ParamTree;
  dState: ParamTree;
  g: Generator;
  gParams: ParamTree;
  /** The noise stream of the run (interpolation coefficients, …). */
  rng: Rng;
  step: number;
}

/** Defaults a loss or preset supplies (DESIGN.md resolution order: user > preset > component > core). */
export interface ConfigDefaults {
  dSteps?: number;
  optimizers?: {
    generator?: Partial<OptimizerConfigDefaults>;
    discriminator?: Partial<OptimizerConfigDefaults>;
  };
}

/** Optimizer settings that a component may default. */
export interface OptimizerConfigDefaults {
  kind: string;
  lr: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  momentum: number;
  rho: number;
}

/** An adversarial loss: the discriminator's (split into real and fake parts) and the generator's. */
export interface GanLoss {
  readonly name: string;
  /** The discriminator loss; its total is `real + fake`. */
  discriminatorLoss(ctx: LossContext): { real: tf.Scalar; fake: tf.Scalar };
  /** The generator loss. */
  generatorLoss(ctx: LossContext): tf.Scalar;
  /** Discriminator accuracy on real and fake samples, where the loss has a decision threshold. */
  accuracy?(ctx: LossContext): { real: tf.Scalar; fake: tf.Scalar };
  /** Variant-specific values to log (e.g. the Wasserstein estimate). */
  logs?(ctx: LossContext): Record<string, tf.Scalar>;
  /** Defaults this loss brings (e.g. dSteps 5 for Wasserstein). */
  readonly defaults?: ConfigDefaults;
}

/** A penalty added to one network's loss (R1, gradient penalty → D; pulling-away → G). */
export interface Regularizer {
  readonly name: string;
  readonly target: 'discriminator' | 'generator';
  /** Weight λ applied to {@link Regularizer.penalty}. */
  readonly weight: number;
  /** The unweighted penalty. */
  penalty(ctx: LossContext): tf.Scalar;
  logs?(ctx: LossContext): Record<string, tf.Scalar>;
}

/** A pure parameter transform applied after an update (e.g. WGAN weight clipping). */
export interface Hook {
  readonly name: string;
  readonly after: 'discriminatorUpdate' | 'generatorUpdate';
  apply(params: ParamTree, ctx: { step: number }): ParamTree;
}
