import type * as tf from '@tensorflow/tfjs';
import type { ParamTree } from './network.js';

/**
 * What a {@link StatefulComponent} sees after a discriminator update: D's scores of that update,
 * as constants (no gradient flows from them), alive only during the call.
 */
export interface DiscriminatorUpdate {
  /**
   * D's scores on the update's real batch, `[rows, 1]`: the same pass the D loss used, so with an
   * `augment` component they are scores of augmented reals, D(T(x)).
   */
  realScores: tf.Tensor;
  /** D's scores on the update's generated batch, D(T(G(z))) with an `augment` component. */
  fakeScores: tf.Tensor;
  /** The training step the update belongs to (1-based). */
  step: number;
}

/**
 * A built component (augment, regularizer, loss or hook) that carries tensors across steps: the
 * adaptive augmentation probability p of ADA, LeCam's moving averages of D's scores.
 *
 * Its tensors are checkpoint state: `Gan` writes {@link StatefulComponent.getState} as the
 * checkpoint group `component-state/<config path>` (`component-state/augment`,
 * `component-state/regularizers.0`, `component-state/loss`, `component-state/hooks.1`), restores
 * it with {@link StatefulComponent.setState} on resume (shapes checked first: a CheckpointError
 * names the group) and calls {@link StatefulComponent.dispose} in `Gan.dispose`.
 *
 * State changes happen in {@link StatefulComponent.afterDiscriminatorUpdate}, which the trainer
 * calls once after each of a step's `dSteps` discriminator updates (after the new parameters are
 * assigned), outside every `tf.tidy` scope and gradient tape. It is never called for the
 * unrolled trainer's inner discriminator steps, for penalties' extra passes or for the generator
 * update, so a penalty's `penalty(ctx)` may read the state but must not change it.
 */
export interface StatefulComponent {
  /**
   * The state tensors by path (`p`, `ema/real`, …). They stay owned by the component: callers
   * neither dispose nor keep them past the next state change.
   */
  getState(): ParamTree;
  /**
   * Replaces the state with copies of `state`'s tensors (checkpoint restore). The caller keeps
   * ownership of `state`; the component disposes the tensors it replaces.
   */
  setState(state: ParamTree): void;
  /**
   * Advances the state after a discriminator update. Runs outside any tidy scope: wrap the math
   * in `tf.tidy`, and dispose the state tensors it replaces.
   */
  afterDiscriminatorUpdate?(update: DiscriminatorUpdate): void;
  /** Releases the state tensors. */
  dispose(): void;
}

/** Whether a built component implements {@link StatefulComponent}. */
export function isStatefulComponent(component: unknown): component is StatefulComponent {
  if (typeof component !== 'object' || component === null) return false;
  const c = component as Partial<Record<keyof StatefulComponent, unknown>>;
  return (
    typeof c.getState === 'function' && typeof c.setState === 'function' && typeof c.dispose === 'function'
  );
}
