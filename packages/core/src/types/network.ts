import type * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng/rng.js';

/**
 * A flat tree of tensors keyed by a stable structural path such as `layers/0/kernel`.
 *
 * Parameters, non-trainable state and optimizer state are all `ParamTree`s, which is what makes
 * checkpoints path-keyed and lets a forward pass run on substitute parameters (DESIGN.md).
 */
export type ParamTree = Record<string, tf.Tensor>;

/** The variables a network owns, keyed like a {@link ParamTree}. */
export type VariableTree = Record<string, tf.Variable>;

/** Options of a functional forward pass. */
export interface ForwardOptions {
  /** Training mode (batch statistics, dropout, spectral-norm power iteration). */
  training: boolean;
  /** Conditioning input, e.g. one-hot class labels `[batch, numClasses]` (conditional GANs). */
  cond?: tf.Tensor;
  /** Substitute parameters; defaults to the network's variables. */
  params?: ParamTree;
  /** Substitute non-trainable state; defaults to the network's variables. */
  state?: ParamTree;
  /** Random stream for stochastic layers (dropout); required when such a layer is active. */
  rng?: Rng;
  /**
   * Training mode only: overrides the decay m of running statistics (batch norm's
   * moving ← m·moving + (1 − m)·batch); standing statistics pass m = k/(k + 1) on batch k, so
   * the state after K batches is the plain average of their statistics.
   */
  statisticsMomentum?: number;
}

/**
 * A network with named parameters and state whose forward pass is a pure function of
 * `(params, state, input)`. The forward pass returns the new state instead of assigning it; the
 * trainer decides whether to commit it.
 */
export interface Network {
  /** Trainable variables by structural path. */
  readonly params: VariableTree;
  /** Non-trainable variables by structural path (batch-norm moving statistics, spectral-norm u). */
  readonly state: VariableTree;
  /**
   * Whether `forward`/`generate` honour `ForwardOptions.params`. Wrapped `tf.LayersModel`s do not;
   * components that differentiate through substituted weights (the unrolled trainer) refuse them.
   */
  readonly supportsSubstituteParams: boolean;
  /** Releases every variable. */
  dispose(): void;
}

/** Output of {@link Generator.generate}. */
export interface GeneratorOutput {
  /** Generated samples `[batch, ...outputShape]`. */
  x: tf.Tensor;
  /** The state after this pass (equal to the input state when nothing changed). */
  state: ParamTree;
}

/** A generator G(z): latent noise to samples. */
export interface Generator extends Network {
  /** Size of the latent vector z. */
  readonly latentDim: number;
  /** Shape of one sample, without the batch axis. */
  readonly outputShape: readonly number[];
  /** Maps `z` `[batch, latentDim]` to samples. */
  generate(z: tf.Tensor, options: ForwardOptions): GeneratorOutput;
}

/** Output of {@link Discriminator.forward}. */
export interface DiscriminatorOutput {
  /** One score per sample `[batch, 1]` (a logit, a critic value or an energy, by loss). */
  score: tf.Tensor;
  /** The penultimate features `[batch, f]` (feature matching, Fréchet-style logs). */
  features: tf.Tensor;
  /** The state after this pass. */
  state: ParamTree;
}

/** A discriminator (or critic) D(x). */
export interface Discriminator extends Network {
  /** Shape of one input sample, without the batch axis. */
  readonly inputShape: readonly number[];
  /** Scores a batch of samples. */
  forward(x: tf.Tensor, options: ForwardOptions): DiscriminatorOutput;
}
