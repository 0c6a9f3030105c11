import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng/rng.js';
import type {
  Discriminator,
  DiscriminatorOutput,
  ForwardOptions,
  Generator,
  GeneratorOutput,
  ParamTree,
  VariableTree,
} from '../types/network.js';

/** Hidden activation of the tiny MLP. */
export type TinyActivation = 'leaky-relu' | 'tanh' | 'relu';

/** Options of {@link tinyMlpGenerator} and {@link tinyMlpDiscriminator}. */
export interface TinyMlpOptions {
  hidden?: number[];
  activation?: TinyActivation;
}

function activate(x: tf.Tensor, a: TinyActivation): tf.Tensor {
  if (a === 'tanh') return tf.tanh(x);
  if (a === 'relu') return tf.relu(x);
  return tf.leakyRelu(x, 0.2);
}

/** Glorot-uniform dense params `layers/<i>/kernel|bias` drawn from `rng`. */
function initDense(sizes: number[], rng: Rng): VariableTree {
  const params: VariableTree = {};
  for (let i = 0; i < sizes.length - 1; i++) {
    const limit = Math.sqrt(6 / (sizes[i] + sizes[i + 1]));
    const kernel = tf.tensor(rng.uniformArray(sizes[i] * sizes[i + 1], -limit, limit), [
      sizes[i],
      sizes[i + 1],
    ]);
    params[`layers/${i}/kernel`] = tf.variable(kernel, true);
    const bias = tf.zeros([sizes[i + 1]]);
    params[`layers/${i}/bias`] = tf.variable(bias, true);
    kernel.dispose();
    bias.dispose();
  }
  return params;
}

/** Runs the MLP; returns the output and the last hidden activation (features). */
function applyMlp(
  params: ParamTree,
  layers: number,
  x: tf.Tensor,
  act: TinyActivation,
): { y: tf.Tensor; h: tf.Tensor } {
  let h = x;
  for (let i = 0; i < layers - 1; i++)
    h = activate(tf.add(tf.matMul(h, params[`layers/${i}/kernel`]), params[`layers/${i}/bias`]), act);
  const y = tf.add(tf.matMul(h, params[`layers/${layers - 1}/kernel`]), params[`layers/${layers - 1}/bias`]);
  return { y, h };
}

abstract class TinyMlp {
  readonly state: VariableTree = {};
  readonly supportsSubstituteParams = true;
  readonly params: VariableTree;
  protected readonly layers: number;

  constructor(
    sizes: number[],
    rng: Rng,
    protected readonly activation: TinyActivation,
  ) {
    this.params = initDense(sizes, rng);
    this.layers = sizes.length - 1;
  }

  protected run(x: tf.Tensor, o: ForwardOptions): { y: tf.Tensor; h: tf.Tensor } {
    return applyMlp(o.params ?? this.params, this.layers, x, this.activation);
  }

  dispose(): void {
    for (const v of Object.values(this.params)) v.dispose();
  }
}

class TinyMlpGenerator extends TinyMlp implements Generator {
  constructor(
    readonly latentDim: number,
    readonly outputShape: readonly number[],
    options: TinyMlpOptions,
    rng: Rng,
  ) {
    super(
      [latentDim, ...(options.hidden ?? [16]), outputShape.reduce((a, b) => a * b, 1)],
      rng,
      options.activation ?? 'leaky-relu',
    );
  }

  generate(z: tf.Tensor, o: ForwardOptions): GeneratorOutput {
    const { y } = this.run(z, o);
    return { x: tf.reshape(y, [z.shape[0], ...this.outputShape]), state: o.state ?? this.state };
  }
}

class TinyMlpDiscriminator extends TinyMlp implements Discriminator {
  constructor(
    readonly inputShape: readonly number[],
    options: TinyMlpOptions,
    rng: Rng,
  ) {
    super(
      [inputShape.reduce((a, b) => a * b, 1), ...(options.hidden ?? [16]), 1],
      rng,
      options.activation ?? 'leaky-relu',
    );
  }

  forward(x: tf.Tensor, o: ForwardOptions): DiscriminatorOutput {
    const flat = tf.reshape(x, [x.shape[0], -1]);
    const { y, h } = this.run(flat, o);
    return { score: y, features: h, state: o.state ?? this.state };
  }
}

/** A tiny functional MLP generator for core's own tests (leakyRelu(0.2) hidden, linear output). */
export function tinyMlpGenerator(
  latentDim: number,
  outputShape: readonly number[],
  rng: Rng,
  options: TinyMlpOptions = {},
): Generator {
  return new TinyMlpGenerator(latentDim, outputShape, options, rng);
}

/** A tiny functional MLP discriminator for core's own tests (logit output). */
export function tinyMlpDiscriminator(
  inputShape: readonly number[],
  rng: Rng,
  options: TinyMlpOptions = {},
): Discriminator {
  return new TinyMlpDiscriminator(inputShape, options, rng);
}
