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
import { checkLabels } from '../conditioning/check-labels.js';
import { concatCondition, conditionedShape, type ConditionLayout } from '../conditioning/condition-input.js';
import { embedLabels, initEmbeddingTable, initProjectionKernel } from '../conditioning/label-embedding.js';
import { EMBEDDING_TABLE, INNER_PREFIX } from './conditional-generator.js';
import { checkSubstitute, underPrefix, withPrefix } from './tree.js';

/** How a discriminator is conditioned. */
export type DiscriminatorConditioning = 'concat' | 'embedding' | 'projection';

/** Settings of {@link ConditionalDiscriminator}. */
export interface ConditionalDiscriminatorSettings {
  mode: DiscriminatorConditioning;
  numClasses: number;
  /** Width of the label embedding (mode `embedding`; default numClasses). */
  embeddingDim?: number;
  /** Where the label (or its embedding) joins the sample (modes `concat` and `embedding`). */
  layout: ConditionLayout;
}

/** Path of the projection discriminator's class matrix V `[K, features]`. */
export const PROJECTION_KERNEL = 'projection/kernel';

/** The input shape the inner discriminator is built with, for a sample shape and settings. */
export function innerInputShape(
  sampleShape: readonly number[],
  s: ConditionalDiscriminatorSettings,
): number[] {
  if (s.mode === 'projection') return [...sampleShape];
  if (s.layout === 'channels' && sampleShape.length !== 3) {
    throw new ConfigError(
      `conditional discriminator: layout "channels" needs [height, width, channels] samples, got [${sampleShape}]`,
    );
  }
  return conditionedShape(
    sampleShape,
    s.mode === 'concat' ? s.numClasses : (s.embeddingDim ?? s.numClasses),
    s.layout,
  );
}

/**
 * A conditional discriminator D(x, y), with one-hot labels y `[batch, K]` from
 * `ForwardOptions.cond` (missing labels are a DataError). Modes:
 *
 * - `concat` (Mirza & Osindero 2014, arXiv:1411.1784): the inner D scores [x ; y] (`flat`: y joins
 *   the flattened sample; `channels`: y is repeated over the positions as K extra channels).
 * - `embedding`: as concat, with a learned embedding yᵀE `[batch, d]` (table at `embedding/table`).
 * - `projection` (Miyato & Koyama 2018, arXiv:1802.05637, eq. 3): with the inner D's features φ(x)
 *   and score ψ(φ(x)), the score is ψ(φ(x)) + ⟨yᵀV, φ(x)⟩, V `[K, features]` at
 *   `projection/kernel` (named as a kernel so that a `spectral-norm` wrapper normalizes it too, as
 *   the paper's SN discriminator does with its class embedding).
 *
 * The inner net's params and state live under `inner/`; features are the inner net's.
 */
export class ConditionalDiscriminator implements Discriminator {
  readonly params: VariableTree;
  readonly state: VariableTree;
  readonly supportsSubstituteParams: boolean;
  private readonly own: { path: string; variable: tf.Variable } | undefined;

  constructor(
    readonly inner: Discriminator,
    readonly inputShape: readonly number[],
    readonly settings: ConditionalDiscriminatorSettings,
    rng: Rng,
  ) {
    const expected = innerInputShape(inputShape, settings);
    if (inner.inputShape.join() !== expected.join()) {
      throw new ConfigError(
        `conditional discriminator (${settings.mode}): the inner discriminator takes [${inner.inputShape}], expected [${expected}]`,
      );
    }
    if (settings.mode === 'embedding') {
      this.own = {
        path: EMBEDDING_TABLE,
        variable: toVariable(
          initEmbeddingTable(rng, settings.numClasses, settings.embeddingDim ?? settings.numClasses),
        ),
      };
    } else if (settings.mode === 'projection') {
      this.own = {
        path: PROJECTION_KERNEL,
        variable: toVariable(initProjectionKernel(rng, settings.numClasses, featureSize(inner))),
      };
    }
    this.params = {
      ...withPrefix(INNER_PREFIX, inner.params),
      ...(this.own ? { [this.own.path]: this.own.variable } : {}),
    };
    this.state = withPrefix(INNER_PREFIX, inner.state);
    this.supportsSubstituteParams = inner.supportsSubstituteParams;
  }

  forward(x: tf.Tensor, options: ForwardOptions): DiscriminatorOutput {
    return tf.tidy(() => {
      const who = 'conditional discriminator';
      const { mode, numClasses, layout } = this.settings;
      const y = checkLabels(options.cond, x.shape[0], numClasses, who);
      if (options.params) checkSubstitute(this.params, options.params, 'params', who);
      if (options.state) checkSubstitute(this.state, options.state, 'state', who);
      const params: ParamTree = options.params ?? this.params;
      let input = x;
      if (mode === 'concat') input = concatCondition(x, y, layout);
      if (mode === 'embedding') input = concatCondition(x, embedLabels(params[EMBEDDING_TABLE], y), layout);
      const out = this.inner.forward(input, {
        ...options,
        params: options.params && underPrefix(INNER_PREFIX, options.params),
        state: options.state && underPrefix(INNER_PREFIX, options.state),
      });
      let score = out.score;
      if (mode === 'projection') {
        const projected = embedLabels(params[PROJECTION_KERNEL], y);
        score = tf.add(score, tf.sum(tf.mul(projected, out.features), 1, true));
      }
      return { score, features: out.features, state: withPrefix(INNER_PREFIX, out.state) };
    });
  }

  dispose(): void {
    this.inner.dispose();
    this.own?.variable.dispose();
  }
}

function toVariable(t: tf.Tensor): tf.Variable {
  const v = tf.variable(t, true);
  t.dispose();
  return v;
}

/** The inner discriminator's feature width, read from one inference pass on a zero sample. */
function featureSize(inner: Discriminator): number {
  return tf.tidy(() => {
    const features = inner.forward(tf.zeros([1, ...inner.inputShape]), { training: false }).features;
    if (features.rank !== 2) {
      throw new ConfigError(
        `projection discriminator: the inner discriminator's features must be [batch, f], got [${features.shape}]`,
      );
    }
    return features.shape[1] as number;
  });
}
