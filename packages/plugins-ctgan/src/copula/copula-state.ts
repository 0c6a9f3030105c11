import * as tf from '@tensorflow/tfjs';
import type { ParamTree, VariableTree } from '@ganforge/core';
import type { CopulaDimension, CopulaMarginal, GaussianCopulaModel } from './fit-copula.js';

/**
 * The fitted copula as non-trainable variables (the generator's `state`, so checkpoints hold
 * it): `cholesky` [k, k], and per dimension d `marginals/d/knots` [m] (`quantile`),
 * `marginals/d/levels` and `marginals/d/probabilities` [c] (`levels`) or
 * `marginals/d/probabilities` [c] (`category`). Stored as float32, like every checkpoint tensor.
 */
export function copulaVariables(model: GaussianCopulaModel): VariableTree {
  const k = model.dimensions.length;
  const state: VariableTree = {};
  const variable = (path: string, values: Float64Array, shape: number[]) => {
    // tf.variable keeps its initial tensor alive until that tensor is disposed.
    const initial = tf.tensor(Float32Array.from(values), shape);
    state[path] = tf.variable(initial, false);
    initial.dispose();
  };
  variable('cholesky', model.cholesky, [k, k]);
  model.dimensions.forEach((d, i) => {
    const add = (name: string, values: Float64Array) =>
      variable(`marginals/${i}/${name}`, values, [values.length]);
    const m = d.marginal;
    if (m.kind === 'quantile') add('knots', m.knots);
    else {
      if (m.kind === 'levels') add('levels', m.levels);
      add('probabilities', m.probabilities);
    }
  });
  return state;
}

/**
 * Reads a copula back from state tensors laid out by {@link copulaVariables}, with the
 * dimensions (columns, roles, marginal kinds) of `template`; R is recomputed as L·Lᵀ.
 */
export function copulaFromState(template: GaussianCopulaModel, state: ParamTree): GaussianCopulaModel {
  const read = (path: string) => Float64Array.from(state[path].dataSync());
  const l = read('cholesky');
  const k = template.dimensions.length;
  const correlation = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let p = 0; p <= Math.min(a, b); p++) s += l[a * k + p] * l[b * k + p];
      correlation[a * k + b] = s;
    }
  const dimensions = template.dimensions.map((d, i): CopulaDimension => {
    const at = `marginals/${i}/`;
    const kind = d.marginal.kind;
    const marginal: CopulaMarginal =
      kind === 'quantile'
        ? { kind, knots: read(`${at}knots`) }
        : kind === 'levels'
          ? { kind, levels: read(`${at}levels`), probabilities: read(`${at}probabilities`) }
          : { kind, probabilities: read(`${at}probabilities`) };
    return { column: d.column, role: d.role, marginal };
  });
  return { dimensions, correlation, cholesky: l, jitter: template.jitter };
}
