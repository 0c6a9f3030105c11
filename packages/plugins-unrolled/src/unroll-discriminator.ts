import * as tf from '@tensorflow/tfjs';
import type {
  Batch,
  Discriminator,
  DiscriminatorScores,
  GanLoss,
  Hook,
  LossContext,
  Optimizer,
  ParamTree,
  Regularizer,
  Rng,
} from '@ganforge/core';
import { stopGradient } from './stop-gradient.js';

/** The discriminator parameters and state a loss context is built over. */
export interface DiscriminatorTrees {
  params: ParamTree;
  state: ParamTree;
}

/** What {@link unrollDiscriminator} needs: D's update as the trainer performs it, and where to start. */
export interface UnrollInputs {
  discriminator: Discriminator;
  loss: GanLoss;
  /** All regularizers of the run; the D-side ones are added to each inner loss. */
  regularizers: readonly Regularizer[];
  /** All hooks of the run; the `discriminatorUpdate` ones are applied after each inner update. */
  hooks: readonly Hook[];
  /** D's optimizer rule (the same one the trainer applies to D's variables). */
  optimizer: Optimizer;
  /** θ_D⁰: D's current parameters (its variables as tensors). Never modified. */
  params: ParamTree;
  /** D's current non-trainable state. Never modified. */
  state: ParamTree;
  /** D's current optimizer state. Never modified. */
  optimizerState: ParamTree;
  /** The real batch every inner step uses (the generator update's batch). */
  real: Batch;
  /** The generated samples every inner step uses: G(z), a function of G's parameters. */
  fake: tf.Tensor;
  /** Builds the loss context of one inner step (the trainer's own context builder). */
  context(
    trees: DiscriminatorTrees,
    realOut: () => DiscriminatorScores,
    fakeOut: DiscriminatorScores,
  ): LossContext;
  /** K, the number of inner updates (0: return the inputs). */
  unrollSteps: number;
  /** Stop gradients through the inner updates (θ_D^K is then a constant for G's gradient). */
  firstOrder: boolean;
  /** The training step (passed to hooks). */
  step: number;
  /** Stream for stochastic layers of D (dropout), as in the trainer's D update. */
  rng?: Rng;
}

/** The discriminator after K functional updates. */
export interface UnrolledDiscriminator extends DiscriminatorTrees {
  /** The optimizer state after K updates. */
  optimizerState: ParamTree;
  /** The total inner loss (adversarial + D-side penalties) at θ_D⁰ … θ_D^(K−1). */
  losses: tf.Scalar[];
  /**
   * Tensors kept alive past the inner gradient scopes (the state each inner real pass returned).
   * The caller disposes them after its own gradient computation ({@link releaseUnrolled}).
   */
  held: tf.Tensor[];
}

/**
 * K functional discriminator updates (Metz et al. 2016, "Unrolled Generative Adversarial
 * Networks", arXiv:1611.02163):
 *
 *   θ_D⁰ = θ_D,   θ_D^(k+1) = hooks(update(∇_θ L_D(θ_G, θ_D^k), opt^k, θ_D^k))
 *
 * Each step is the trainer's discriminator update done on tensors instead of variables: a real
 * pass and a fake pass from the same state (the real pass's state is carried to the next step),
 * the loss's `discriminatorLoss` plus the weighted D-side penalties, gradients with respect to
 * θ_D^k, D's own optimizer rule (its moments carried along) and the `discriminatorUpdate` hooks.
 * Every step uses `real` and `fake` = G(z) (the reference implementation's choice), so θ_D^K is
 * a function of G's parameters through `fake`. Run under an outer gradient tape over G's
 * variables, the inner gradients are recorded too, and differentiating a loss at θ_D^K gives
 * the exact (second-order) unrolled generator gradient; with `firstOrder` the inner gradients
 * are cut ({@link stopGradient}), θ_D^K is a constant and the result is ∂f(θ_G, θ_D^K)/∂θ_G.
 *
 * Nothing is assigned: D's variables, state and optimizer state are left as they were.
 */
export function unrollDiscriminator(inputs: UnrollInputs): UnrolledDiscriminator {
  const { discriminator: d, loss, optimizer, real, fake, rng } = inputs;
  const paths = Object.keys(inputs.params);
  const initialState = new Set<tf.Tensor>(Object.values(inputs.state));
  const held = new Set<tf.Tensor>();
  const losses: tf.Scalar[] = [];
  let params = inputs.params;
  let state = inputs.state;
  let optimizerState = inputs.optimizerState;
  for (let k = 0; k < inputs.unrollSteps; k++) {
    const theta = params;
    const dState = state;
    let nextState: ParamTree = {};
    const xs = paths.map((p) => theta[p]);
    const { value, grads } = tf.engine().gradients(
      () => {
        // The same two passes as the trainer's D update, both from the current state.
        const realOut = d.forward(real.x, {
          training: true,
          cond: real.labels,
          rng,
          params: theta,
          state: dState,
        });
        const fakeOut = d.forward(fake, {
          training: true,
          cond: real.labels,
          rng,
          params: theta,
          state: dState,
        });
        nextState = { ...realOut.state };
        for (const t of Object.values(nextState))
          if (!initialState.has(t) && !(t instanceof tf.Variable)) held.add(tf.keep(t));
        const ctx = inputs.context({ params: theta, state: dState }, () => realOut, fakeOut);
        const parts = loss.discriminatorLoss(ctx);
        let total: tf.Tensor = tf.add(parts.real, parts.fake);
        for (const reg of inputs.regularizers) {
          if (reg.target === 'discriminator') total = tf.add(total, tf.mul(reg.penalty(ctx), reg.weight));
        }
        return total as tf.Scalar;
      },
      xs,
      undefined,
      true,
    );
    losses.push(value);
    const g: ParamTree = {};
    paths.forEach((p, i) => {
      // A parameter the loss does not reach gets a zero gradient, as in the trainer's D update.
      const grad = grads[i] ?? tf.zerosLike(theta[p]);
      g[p] = inputs.firstOrder ? stopGradient(grad) : grad;
    });
    const updated = optimizer.update(g, optimizerState, theta);
    let next = updated.params;
    for (const hook of inputs.hooks)
      if (hook.after === 'discriminatorUpdate') next = hook.apply(next, { step: inputs.step });
    params = next;
    state = nextState;
    optimizerState = updated.state;
  }
  return { params, state, optimizerState, losses, held: [...held] };
}

/** Disposes what {@link unrollDiscriminator} kept alive (call after the outer gradient). */
export function releaseUnrolled(held: readonly tf.Tensor[]): void {
  for (const t of held) if (!t.isDisposed) t.dispose();
}
