import * as tf from '@tensorflow/tfjs';
import {
  ConfigError,
  type Discriminator,
  type DiscriminatorOutput,
  type ForwardOptions,
  type ParamTree,
  type Rng,
  type VariableTree,
} from '@ganforge/core';
import { applySequential, initSequential, prefixTree, subTree, type Layer } from '@ganforge/models';
import { reconstructionEnergy } from './energy.js';

/** Output of {@link AutoencoderDiscriminator.autoencode}. */
export interface AutoencoderOutput {
  /** The encoder code S = Enc(x), `[batch, codeDim]`. */
  code: tf.Tensor;
  /** Dec(Enc(x)), the shape of `x`. */
  reconstruction: tf.Tensor;
  /** The state after this pass (encoder and decoder entries). */
  state: ParamTree;
}

/**
 * EBGAN's autoencoder discriminator (Zhao, Mathieu & LeCun 2016, arXiv:1609.03126): an
 * encoder layer stack to a code S = Enc(x) and a decoder layer stack back to the sample shape.
 *
 * - `score` is the energy D(x) = (1/F) Σ_f (Dec(Enc(x))_f − x_f)², `[batch, 1]`, ≥ 0
 *   ({@link reconstructionEnergy}): low on data, pushed up on generated samples by the margin loss;
 * - `features` is the code S, `[batch, codeDim]`: what the pulling-away term decorrelates.
 *
 * Params and state are keyed `encoder/layers/<i>/…` and `decoder/layers/<i>/…`. The forward pass is
 * a pure function of (params, state, x): substitute params/state are honoured and the new state is
 * returned, never assigned.
 */
export class AutoencoderDiscriminator implements Discriminator {
  readonly params: VariableTree;
  readonly state: VariableTree;
  readonly supportsSubstituteParams = true;

  constructor(
    readonly encoder: readonly Layer[],
    readonly decoder: readonly Layer[],
    readonly inputShape: readonly number[],
    rng: Rng,
  ) {
    const enc = initSequential(encoder, rng);
    const dec = initSequential(decoder, rng);
    this.params = toVariables(
      { ...prefixTree('encoder/', enc.params), ...prefixTree('decoder/', dec.params) },
      true,
    );
    this.state = toVariables(
      { ...prefixTree('encoder/', enc.state), ...prefixTree('decoder/', dec.state) },
      false,
    );
  }

  /** Encodes and decodes `x`; call inside `tf.tidy` or dispose the outputs. */
  autoencode(x: tf.Tensor, options: ForwardOptions): AutoencoderOutput {
    return tf.tidy(() => {
      const params = resolveTree(this.params, options.params, 'params');
      const state = resolveTree(this.state, options.state, 'state');
      const enc = applySequential(
        this.encoder,
        subTree('encoder/', params),
        subTree('encoder/', state),
        x,
        options,
      );
      const dec = applySequential(
        this.decoder,
        subTree('decoder/', params),
        subTree('decoder/', state),
        enc.y,
        options,
      );
      return {
        code: enc.y,
        reconstruction: dec.y,
        state: { ...prefixTree('encoder/', enc.state), ...prefixTree('decoder/', dec.state) },
      };
    });
  }

  /** score = energy D(x) `[batch, 1]`; features = the code S `[batch, codeDim]`. */
  forward(x: tf.Tensor, options: ForwardOptions): DiscriminatorOutput {
    return tf.tidy(() => {
      const out = this.autoencode(x, options);
      return { score: reconstructionEnergy(x, out.reconstruction), features: out.code, state: out.state };
    });
  }

  dispose(): void {
    tf.dispose([...Object.values(this.params), ...Object.values(this.state)]);
  }
}

// Variables are unnamed: tfjs names are global counters, the structural path is the identity (TRAPS.md).
function toVariables(tree: ParamTree, trainable: boolean): VariableTree {
  const out: VariableTree = {};
  for (const [key, value] of Object.entries(tree)) {
    out[key] = tf.variable(value, trainable);
    value.dispose();
  }
  return out;
}

function resolveTree(
  own: VariableTree,
  substitute: ParamTree | undefined,
  what: 'params' | 'state',
): ParamTree {
  if (substitute === undefined) return own;
  const missing = Object.keys(own).filter((key) => !(key in substitute));
  if (missing.length > 0) {
    throw new ConfigError(
      `substitute ${what} of the ebgan discriminator lack ${missing.length} path(s): ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`,
    );
  }
  return substitute;
}
