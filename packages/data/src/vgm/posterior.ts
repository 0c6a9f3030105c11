import type { VariationalGmm } from './variational-gmm.js';
import { digamma } from './special-functions.js';

const LOG_2PI = Math.log(2 * Math.PI);

/** The posterior parameters that the E-step reads. */
export type PosteriorParams = Pick<
  VariationalGmm,
  'prior' | 'concentrationA' | 'concentrationB' | 'meanPrecision' | 'means' | 'degreesOfFreedom' | 'variances'
>;

/** E[ln π_k] under q(π) (Blei & Jordan 2006 for the stick-breaking form; Bishop eq. 10.66). */
export function expectedLogWeights(
  model: Pick<VariationalGmm, 'prior' | 'concentrationA' | 'concentrationB'>,
): number[] {
  const a = model.concentrationA;
  if (model.prior === 'dirichlet') {
    const total = digamma(a.reduce((s, v) => s + v, 0));
    return a.map((v) => digamma(v) - total);
  }
  const b = model.concentrationB;
  const out: number[] = [];
  let tail = 0;
  for (let k = 0; k < a.length; k++) {
    const sum = digamma(a[k] + b[k]);
    out.push(digamma(a[k]) - sum + tail);
    tail += digamma(b[k]) - sum;
  }
  return out;
}

/**
 * The terms of ln ρ_k(x) of the variational E-step (Bishop 2006, eq. 10.46 in one dimension):
 * ln ρ_k(x) = E[ln π_k] + ½ E[ln λ_k] − ½ ln 2π − ½ E[λ_k (x − μ_k)²], with
 * E[ln λ_k] = ψ(ν_k/2) + ln 2 − ln W_k⁻¹ and E[λ_k (x − μ_k)²] = 1/β_k + ν_k (x − m_k)² / W_k⁻¹,
 * split into a constant c_k and a curvature a_k: ln ρ_k(x) = c_k − a_k (x − m_k)².
 */
export function logRhoTerms(
  model: Omit<PosteriorParams, 'prior'>,
  logWeights: number[],
): { constant: Float64Array; curvature: Float64Array } {
  const k = logWeights.length;
  const constant = new Float64Array(k);
  const curvature = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const nu = model.degreesOfFreedom[c];
    const wInv = model.variances[c] * nu;
    constant[c] =
      logWeights[c] -
      0.5 * Math.log(wInv) -
      0.5 * LOG_2PI +
      0.5 * (Math.LN2 + digamma(nu / 2) - 1 / model.meanPrecision[c]);
    curvature[c] = (0.5 * nu) / wInv;
  }
  return { constant, curvature };
}

/** ln ρ_k(x) for every component into `out` (see {@link logRhoTerms}). */
export function logRho(
  means: readonly number[],
  terms: { constant: Float64Array; curvature: Float64Array },
  x: number,
  out: Float64Array,
): void {
  for (let c = 0; c < out.length; c++) out[c] = terms.constant[c] - terms.curvature[c] * (x - means[c]) ** 2;
}

/** log Σ exp(v), stably. */
export function logSumExp(v: Float64Array): number {
  let max = -Infinity;
  for (let i = 0; i < v.length; i++) if (v[i] > max) max = v[i];
  if (max === -Infinity) return max;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.exp(v[i] - max);
  return max + Math.log(s);
}

/**
 * The posterior responsibilities r_k(x) = ρ_k(x) / Σ_j ρ_j(x) of every component (what
 * scikit-learn's `predict_proba` returns), as a function of x; CTGAN samples a value's mode from
 * them. The per-component terms are computed once.
 */
export function vgmPosterior(model: VariationalGmm): (x: number) => Float64Array {
  const terms = logRhoTerms(model, expectedLogWeights(model));
  return (x) => {
    const r = new Float64Array(model.means.length);
    logRho(model.means, terms, x, r);
    const norm = logSumExp(r);
    for (let k = 0; k < r.length; k++) r[k] = Math.exp(r[k] - norm);
    return r;
  };
}
