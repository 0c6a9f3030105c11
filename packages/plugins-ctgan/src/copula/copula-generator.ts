import * as tf from '@tensorflow/tfjs';
import { ConfigError, Rng, type Generator, type ParamTree } from '@ganforge/core';
import { copulaFromState, copulaVariables } from './copula-state.js';
import { fitGaussianCopula, type GaussianCopulaModel } from './fit-copula.js';
import { sampleGaussianCopula } from './sample-copula.js';
import {
  columnsFromSample,
  copulaInputs,
  decodeColumns,
  encodeColumns,
  planColumns,
  type ColumnPlan,
  type CopulaTable,
} from './table-columns.js';

/** Options of the `gaussian-copula` generator. */
export interface GaussianCopulaOptions {
  /** Knots of each numeric column's empirical quantile function at most (default 1000). */
  quantiles: number;
}

/** The `gaussian-copula` generator: the fitted copula, and how its columns map to the table. */
export interface GaussianCopulaGenerator extends Generator {
  /** How each table column enters and leaves the copula. */
  readonly columns: readonly ColumnPlan[];
  /** The copula the state holds (or `state`, when given): marginals, R = L·Lᵀ and L. */
  copula(state?: ParamTree): GaussianCopulaModel;
}

/**
 * A generator that is a Gaussian copula fitted to a table's training rows when it is built
 * (see `fitGaussianCopula`): no trainable parameters; the fitted marginals and the Cholesky
 * factor L of the normal scores' correlation are its state (`copulaVariables`), so the run's
 * checkpoint holds the model. `latentDim` is k, the copula's dimensions (one per column, plus one
 * per numeric column with missing cells); the config's `latentDim` does not apply.
 *
 * generate(z): for each row of z ~ N(0, I_k), y = L·z, u = Φ(y), each column F_j⁻¹(u_j), then the
 * row is encoded with the table's own fitted transforms (one-hot, mode-specific, mixed), so the
 * output [n, D] is an encoded row like any generator's and `source.decode`, `ganforge sample`
 * and the metrics read it the same way (DESIGN.md: tables go back to the user's units through
 * the transforms that made them). The modes of mode-specific encodings are drawn from a stream
 * seeded once from `rng` and reset on every call, so the output is a function of z. The
 * forward pass reads the state once (`dataSync`) and is not differentiable.
 */
export function gaussianCopulaGenerator(
  table: CopulaTable,
  options: GaussianCopulaOptions,
  rng: Rng,
): GaussianCopulaGenerator {
  const { codec } = table;
  const plan = planColumns(codec);
  const fitted = fitGaussianCopula(copulaInputs(plan, decodeColumns(table)), options);
  const state = copulaVariables(fitted);
  const encodeSeed = rng.seed();
  const k = fitted.dimensions.length;
  return {
    params: {},
    state,
    supportsSubstituteParams: true,
    latentDim: k,
    outputShape: [codec.layout.width],
    columns: plan,
    copula: (s = state) => copulaFromState(fitted, s),
    generate(z, o) {
      if (z.rank !== 2 || z.shape[1] !== k)
        throw new ConfigError(
          `generator "gaussian-copula": z must have shape [n, ${k}] (one normal per copula dimension), got [${z.shape.join(', ')}]`,
          'generator',
        );
      const s = o.state ?? state;
      const n = z.shape[0];
      const model = copulaFromState(fitted, s);
      const sampled = sampleGaussianCopula(model, z.dataSync(), n);
      const columns = columnsFromSample(plan, model.dimensions, sampled, n);
      const rows = encodeColumns(codec, columns, n, new Rng(encodeSeed, 'gaussian-copula:encode'));
      return { x: tf.tensor2d(rows, [n, codec.layout.width]), state: s };
    },
    dispose() {
      for (const v of Object.values(state)) v.dispose();
    },
  };
}
