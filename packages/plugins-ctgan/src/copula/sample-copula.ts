import type { CopulaMarginal, GaussianCopulaModel } from './fit-copula.js';
import { intervalOrder, quantileAt, slotAt } from './marginals.js';
import { normalCdf } from './normal.js';

/**
 * F⁻¹(u) of one marginal: the interpolated empirical quantile (`quantile`), the level whose
 * interval holds u (`levels`, value order), or the slot index whose interval holds u
 * (`category`, by descending probability).
 */
export function inverseMarginal(marginal: CopulaMarginal): (u: number) => number {
  switch (marginal.kind) {
    case 'quantile':
      return (u) => quantileAt(marginal.knots, u);
    case 'levels': {
      const order = intervalOrder(marginal.probabilities, true);
      return (u) => marginal.levels[slotAt(marginal.probabilities, order, u)];
    }
    case 'category': {
      const order = intervalOrder(marginal.probabilities);
      return (u) => slotAt(marginal.probabilities, order, u);
    }
  }
}

/**
 * Draws n rows from a fitted copula given standard normal noise z (n × k, row-major): y = L·z
 * per row, so y ~ N(0, R); u_d = Φ(y_d), uniform on (0, 1) with the fitted dependence; x_d =
 * F_d⁻¹(u_d). Returns one array per dimension: values of `quantile` and `levels` dimensions,
 * slot indices of `category` ones (for `missing` dimensions, 0 = observed, 1 = missing).
 */
export function sampleGaussianCopula(
  model: GaussianCopulaModel,
  z: ArrayLike<number>,
  n: number,
): Float64Array[] {
  const k = model.dimensions.length;
  const l = model.cholesky;
  const inverses = model.dimensions.map((d) => inverseMarginal(d.marginal));
  const out = model.dimensions.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const row = i * k;
    for (let a = 0; a < k; a++) {
      let y = 0;
      for (let b = 0; b <= a; b++) y += l[a * k + b] * z[row + b];
      out[a][i] = inverses[a](normalCdf(y));
    }
  }
  return out;
}
