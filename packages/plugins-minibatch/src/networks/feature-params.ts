import * as tf from '@tensorflow/tfjs';
import type { Discriminator } from '@ganforge/core';

/** What {@link probeFeatures} finds out about a body. */
export interface FeatureProbe {
  /** Width A of the body's flattened features. */
  featureDim: number;
  /**
   * The body's param paths its features depend on. The others (its own score head) are left out
   * of the wrapper's params: they would only ever get a zero gradient.
   */
  featurePaths: string[];
}

/**
 * Runs the body once in inference mode on a batch of two zero samples (one-hot classes 0 and 1
 * when the run has labels) and asks the gradient tape which params the features depend on: the
 * dependency is structural, so the values do not matter. A body whose features depend on no param
 * (an MLP without hidden layers: its features are its input) keeps none; a body that does not take
 * substitute params (a wrapped tf.LayersModel) keeps all of them.
 */
export function probeFeatures(body: Discriminator, numClasses?: number): FeatureProbe {
  const vars = Object.values(body.params);
  const paths = Object.keys(body.params);
  return tf.tidy(() => {
    const x = tf.zeros([2, ...body.inputShape]);
    const cond = numClasses
      ? tf.oneHot(tf.tensor1d([0, 1 % numClasses], 'int32'), numClasses).toFloat()
      : undefined;
    const forward = () => body.forward(x, { training: false, cond }).features;
    const featureDim = forward().size / 2;
    if (!body.supportsSubstituteParams || vars.length === 0) return { featureDim, featurePaths: paths };
    let grads: Record<string, tf.Tensor>;
    try {
      grads = tf.variableGrads(() => tf.sum(forward()), vars).grads;
    } catch (e) {
      if (e instanceof Error && /Cannot find a connection/.test(e.message))
        return { featureDim, featurePaths: [] };
      throw e;
    }
    const featurePaths = paths.filter((p) => grads[body.params[p].name] !== undefined);
    return { featureDim, featurePaths };
  });
}
