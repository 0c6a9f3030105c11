import * as tf from '@tensorflow/tfjs';
import type {
  Discriminator,
  DiscriminatorOutput,
  ForwardOptions,
  Generator,
  GeneratorOutput,
  Rng,
  VariableTree,
} from '@ganforge/core';
import type { Layer } from '../layers/layer.js';
import { applySequential, initSequential } from '../layers/sequential.js';
import { resolveTree, toVariables } from './variables.js';

/**
 * A generator made of a layer stack: G(z) = layers(z), params and state keyed `layers/<i>/…`.
 * The forward pass is a pure function of (params, state, z): substitute params/state are
 * honoured, and the new state is returned, never assigned.
 */
export class SequentialGenerator implements Generator {
  readonly params: VariableTree;
  readonly state: VariableTree;
  readonly supportsSubstituteParams = true;

  constructor(
    readonly layers: readonly Layer[],
    readonly latentDim: number,
    readonly outputShape: readonly number[],
    rng: Rng,
  ) {
    const init = initSequential(layers, rng);
    this.params = toVariables(init.params, true);
    this.state = toVariables(init.state, false);
  }

  generate(z: tf.Tensor, options: ForwardOptions): GeneratorOutput {
    return tf.tidy(() => {
      const params = resolveTree(this.params, options.params, 'params');
      const state = resolveTree(this.state, options.state, 'state');
      const out = applySequential(this.layers, params, state, z, options);
      return { x: out.y, state: out.state };
    });
  }

  dispose(): void {
    tf.dispose([...Object.values(this.params), ...Object.values(this.state)]);
  }
}

/**
 * A discriminator made of a layer stack whose last layer is the score head: the score is
 * `[batch, 1]`, the features are the head's input. Params and state keyed `layers/<i>/…`; the
 * forward pass honours substitute params/state and returns the new state without assigning it.
 */
export class SequentialDiscriminator implements Discriminator {
  readonly params: VariableTree;
  readonly state: VariableTree;
  readonly supportsSubstituteParams = true;

  constructor(
    readonly layers: readonly Layer[],
    readonly inputShape: readonly number[],
    rng: Rng,
  ) {
    const init = initSequential(layers, rng);
    this.params = toVariables(init.params, true);
    this.state = toVariables(init.state, false);
  }

  forward(x: tf.Tensor, options: ForwardOptions): DiscriminatorOutput {
    return tf.tidy(() => {
      const params = resolveTree(this.params, options.params, 'params');
      const state = resolveTree(this.state, options.state, 'state');
      const out = applySequential(this.layers, params, state, x, options);
      return { score: out.y, features: out.penultimate, state: out.state };
    });
  }

  dispose(): void {
    tf.dispose([...Object.values(this.params), ...Object.values(this.state)]);
  }
}
