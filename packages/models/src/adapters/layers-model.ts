import * as tf from '@tensorflow/tfjs';
import {
  ConfigError,
  type Discriminator,
  type DiscriminatorOutput,
  type ForwardOptions,
  type Generator,
  type GeneratorOutput,
  type ParamTree,
  type VariableTree,
} from '@ganforge/core';

interface LayerWeight {
  originalName: string;
  trainable: boolean;
  read(): tf.Variable;
}

/** A model's weights by structural path `layers/<i>/<weight>` (never by tfjs' global names, TRAPS.md). */
function weightTrees(model: tf.LayersModel): { params: VariableTree; state: VariableTree } {
  const params: VariableTree = {};
  const state: VariableTree = {};
  model.layers.forEach((layer, i) => {
    for (const weight of layer.weights as unknown as LayerWeight[]) {
      const short = weight.originalName.split('/').slice(1).join('/') || weight.originalName;
      (weight.trainable ? params : state)[`layers/${i}/${short}`] = weight.read();
    }
  });
  return { params, state };
}

/** Substitute trees are refused unless they are the model's own variables. */
function refuseSubstitutes(own: VariableTree, o: ForwardOptions): void {
  for (const [what, tree, mine] of [
    ['params', o.params, own],
    ['state', o.state, undefined],
  ] as const) {
    if (tree === undefined) continue;
    const same = mine !== undefined && Object.entries(tree).every(([k, t]) => mine[k] === t);
    if (!same) {
      throw new ConfigError(
        `a wrapped tf.LayersModel cannot run on substitute ${what} (supportsSubstituteParams is false); ` +
          'components that differentiate through substituted weights (the unrolled trainer) need a GanForge network (mlp, dcgan)',
      );
    }
  }
}

class LayersModelNetwork {
  readonly params: VariableTree;
  readonly state: VariableTree;
  readonly supportsSubstituteParams = false;

  constructor(readonly model: tf.LayersModel) {
    ({ params: this.params, state: this.state } = weightTrees(model));
  }

  dispose(): void {
    this.model.dispose();
  }
}

class LayersModelGenerator extends LayersModelNetwork implements Generator {
  readonly latentDim: number;
  readonly outputShape: readonly number[];

  constructor(model: tf.LayersModel) {
    super(model);
    this.latentDim = model.inputs[0].shape[1] ?? NaN;
    this.outputShape = model.outputs[0].shape.slice(1) as number[];
  }

  generate(z: tf.Tensor, options: ForwardOptions): GeneratorOutput {
    refuseSubstitutes(this.params, options);
    return {
      x: this.model.apply(z, { training: options.training }) as tf.Tensor,
      state: this.state as ParamTree,
    };
  }
}

class LayersModelDiscriminator extends LayersModelNetwork implements Discriminator {
  readonly inputShape: readonly number[];
  private readonly withFeatures: tf.LayersModel | undefined;

  constructor(model: tf.LayersModel) {
    super(model);
    this.inputShape = model.inputs[0].shape.slice(1) as number[];
    const layers = model.layers;
    this.withFeatures =
      layers.length >= 2
        ? tf.model({
            inputs: model.inputs,
            outputs: [layers[layers.length - 2].output as tf.SymbolicTensor, model.outputs[0]],
          })
        : undefined;
  }

  forward(x: tf.Tensor, options: ForwardOptions): DiscriminatorOutput {
    refuseSubstitutes(this.params, options);
    if (!this.withFeatures) {
      const score = this.model.apply(x, { training: options.training }) as tf.Tensor;
      return { score, features: score, state: this.state as ParamTree };
    }
    const [features, score] = this.withFeatures.apply(x, { training: options.training }) as tf.Tensor[];
    return { score, features, state: this.state as ParamTree };
  }
}

/**
 * Wraps a user's `tf.LayersModel` as a GanForge Generator (input `[batch, latentDim]`) or
 * Discriminator (output `[batch, 1]`; features: the output of the second-to-last layer).
 * Params and state are the model's weights keyed `layers/<i>/<weight>`.
 *
 * What it cannot do: run on substitute params or state (`supportsSubstituteParams` is false:
 * the unrolled trainer and anything that differentiates through substituted weights refuse it;
 * passing the model's own variables is allowed), and hold back state: tfjs' BatchNormalization
 * assigns its moving statistics itself during a training forward, so the state-discipline
 * guarantee of GanForge networks does not hold for it. `tf.layers` convolutions also use fused
 * kernels that bypass core's registered Conv2D gradient.
 */
export function fromLayersModel(model: tf.LayersModel, role: 'generator'): Generator;
export function fromLayersModel(model: tf.LayersModel, role: 'discriminator'): Discriminator;
export function fromLayersModel(
  model: tf.LayersModel,
  role: 'generator' | 'discriminator',
): Generator | Discriminator {
  return role === 'generator' ? new LayersModelGenerator(model) : new LayersModelDiscriminator(model);
}
