import type { ParamTree } from './network.js';

/**
 * An optimizer as a pure update rule (Optax style): state is a {@link ParamTree} of plain
 * tensors, so it is checkpointed exactly and the rule can run inside `tf.grad` (unrolled GAN).
 *
 * `update` never assigns to variables and never disposes its inputs; the caller owns the results.
 */
export interface Optimizer {
  readonly name: string;
  /** The initial state for these parameters, keyed by `<slot>/<param path>`. */
  init(params: ParamTree): ParamTree;
  /** One step: new parameters and new state. */
  update(grads: ParamTree, state: ParamTree, params: ParamTree): { params: ParamTree; state: ParamTree };
}
