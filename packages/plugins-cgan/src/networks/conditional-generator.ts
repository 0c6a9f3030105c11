import * as tf from '@tensorflow/tfjs';
import {
  ConfigError,
  type ForwardOptions,
  type Generator,
  type GeneratorOutput,
  type ParamTree,
  type Rng,
  type VariableTree,
} from '@ganforge/core';
import { checkLabelRows, checkLabels } from '../conditioning/check-labels.js';
import { embedLabels, initEmbeddingTable } from '../conditioning/label-embedding.js';
import { balancedLabels, oneHotLabels } from '../conditioning/one-hot-labels.js';
import { checkSubstitute, underPrefix, withPrefix } from './tree.js';

/** How a generator is conditioned: the one-hot label or a learned embedding of it, joined to z. */
export type GeneratorConditioning = 'concat' | 'embedding';

/** Settings of {@link ConditionalGenerator}. */
export interface ConditionalGeneratorSettings {
  mode: GeneratorConditioning;
  numClasses: number;
  /** Width of the label embedding (mode `embedding`). */
  embeddingDim?: number;
}

/** Prefix of the inner network's params and state in a conditional wrapper. */
export const INNER_PREFIX = 'inner/';
/** Path of the generator's (and embedding discriminator's) label embedding table `[K, d]`. */
export const EMBEDDING_TABLE = 'embedding/table';

/** Width of what a conditional generator joins to z: K (concat) or the embedding's d. */
export function conditionWidth(settings: ConditionalGeneratorSettings): number {
  return settings.mode === 'concat' ? settings.numClasses : (settings.embeddingDim ?? settings.numClasses);
}

/**
 * A conditional generator G(z, y) (Mirza & Osindero 2014, arXiv:1411.1784): the inner generator,
 * built with latent size `latentDim + w`, maps [z ; c(y)] to a sample, where c(y) is the one-hot
 * label y (`concat`, w = K) or a learned embedding yᵀE (`embedding`, w = d, table at
 * `embedding/table`). The inner net's params and state live under `inner/`.
 *
 * Labels come from `ForwardOptions.cond` (one-hot `[batch, K]`: the trainer passes each batch's
 * labels; `Gan.sample({ labels })` encodes the requested ones). A training pass without labels is a
 * DataError; an inference pass without labels generates class `i mod K` for sample i (so metrics
 * and sample grids that pass no labels see every class equally often), and an inference pass
 * refuses one-hot rows that select no class (out-of-range labels).
 */
export class ConditionalGenerator implements Generator {
  readonly params: VariableTree;
  readonly state: VariableTree;
  readonly supportsSubstituteParams: boolean;
  private readonly table?: tf.Variable;

  constructor(
    readonly inner: Generator,
    readonly latentDim: number,
    readonly settings: ConditionalGeneratorSettings,
    rng: Rng,
  ) {
    const width = conditionWidth(settings);
    if (inner.latentDim !== latentDim + width) {
      throw new ConfigError(
        `conditional generator: the inner generator takes latent size ${inner.latentDim}, expected ${latentDim} + ${width} (z and the ${settings.mode} label)`,
      );
    }
    if (settings.mode === 'embedding') {
      const init = initEmbeddingTable(rng, settings.numClasses, width);
      this.table = tf.variable(init, true);
      init.dispose();
    }
    this.params = {
      ...withPrefix(INNER_PREFIX, inner.params),
      ...(this.table ? { [EMBEDDING_TABLE]: this.table } : {}),
    };
    this.state = withPrefix(INNER_PREFIX, inner.state);
    this.supportsSubstituteParams = inner.supportsSubstituteParams;
  }

  get outputShape(): readonly number[] {
    return this.inner.outputShape;
  }

  generate(z: tf.Tensor, options: ForwardOptions): GeneratorOutput {
    return tf.tidy(() => {
      const who = 'conditional generator';
      const n = z.shape[0];
      const { numClasses } = this.settings;
      const cond =
        options.cond ??
        (options.training ? undefined : oneHotLabels(balancedLabels(n, numClasses), numClasses));
      checkLabels(cond, n, numClasses, who);
      if (!options.training) checkLabelRows(cond as tf.Tensor, who);
      if (options.params) checkSubstitute(this.params, options.params, 'params', who);
      if (options.state) checkSubstitute(this.state, options.state, 'state', who);
      const params: ParamTree = options.params ?? this.params;
      const c = this.table ? embedLabels(params[EMBEDDING_TABLE], cond as tf.Tensor) : (cond as tf.Tensor);
      const out = this.inner.generate(tf.concat([z, c], 1), {
        ...options,
        cond,
        params: options.params && underPrefix(INNER_PREFIX, options.params),
        state: options.state && underPrefix(INNER_PREFIX, options.state),
      });
      return { x: out.x, state: withPrefix(INNER_PREFIX, out.state) };
    });
  }

  dispose(): void {
    this.inner.dispose();
    this.table?.dispose();
  }
}
