import { DataError, type Rng } from '@ganforge/core';
import { kMeans1d } from './k-means-1d.js';
import { expectedLogWeights, logRho, logRhoTerms, logSumExp } from './posterior.js';
import { logGamma } from './special-functions.js';

/** The prior on the mixture weights of {@link fitVariationalGmm}. */
export type WeightPrior = 'dirichlet-process' | 'dirichlet';

/** Options of {@link fitVariationalGmm}; the defaults are CTGAN's (RDT's ClusterBasedNormalizer). */
export interface VariationalGmmOptions {
  /** Upper bound K on the number of components (default 10); unused ones get weights near 0. */
  maxComponents?: number;
  /**
   * `dirichlet-process` (default): a truncated stick-breaking prior, π_k = v_k Π_{j<k}(1 − v_j),
   * v_k ~ Beta(1, γ₀); `dirichlet`: a symmetric Dirichlet(γ₀, …, γ₀) on π.
   */
  prior?: WeightPrior;
  /** The weight concentration γ₀ (default 0.001, as CTGAN): small values prune components. */
  weightConcentration?: number;
  /**
   * Variational updates at most (default 1000; CTGAN stops at 100, where on 3,000 draws of three
   * Gaussians the widest one was still split in two on two of three seeds).
   */
  maxIterations?: number;
  /** Stop when the evidence lower bound changes by less than this (default 1e-3). */
  tolerance?: number;
  /** Added to every component's variance (default 1e-6), as scikit-learn's `reg_covar`. */
  regCovar?: number;
  /**
   * A hard initial assignment (component index per value) instead of k-means: to reproduce
   * another implementation's run from the same start.
   */
  init?: ArrayLike<number>;
}

/**
 * A fitted variational Gaussian mixture over one column: the variational posterior
 * q(π) q(μ, λ) of every component and the summaries that the encoders use. JSON-serializable.
 */
export interface VariationalGmm {
  prior: WeightPrior;
  /** Posterior concentrations: Beta(a_k, b_k) of the stick fractions, or Dirichlet α_k (then `b` is empty). */
  concentrationA: number[];
  concentrationB: number[];
  /** β_k: the precision scale of q(μ_k | λ_k). */
  meanPrecision: number[];
  /** m_k: posterior means, η_k in CTGAN's notation. */
  means: number[];
  /** ν_k: Wishart (here Gamma) degrees of freedom. */
  degreesOfFreedom: number[];
  /** W_k⁻¹/ν_k: the expected covariance of component k (φ_k² in CTGAN's notation). */
  variances: number[];
  /** E[π_k], normalized: the components' weights. */
  weights: number[];
  /** √variances: φ_k. */
  sds: number[];
  /** Variational updates run, and whether the lower bound converged within `tolerance`. */
  iterations: number;
  converged: boolean;
  /** The last evidence lower bound (up to scikit-learn's dropped constants). */
  lowerBound: number;
}

const EPS10 = 10 * Number.EPSILON;

interface Priors {
  mean: number;
  variance: number;
  concentration: number;
  prior: WeightPrior;
  regCovar: number;
}

type Params = Pick<
  VariationalGmm,
  'concentrationA' | 'concentrationB' | 'meanPrecision' | 'means' | 'degreesOfFreedom' | 'variances'
>;

/** The variational M-step (Bishop eqs. 10.58–10.63, scikit-learn's normalization of W). */
function mStep(values: Float64Array, resp: Float64Array, k: number, p: Priors): Params {
  const n = values.length;
  const nk = new Array<number>(k).fill(EPS10);
  const xk = new Array<number>(k).fill(0);
  const sk = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < k; c++) {
      nk[c] += resp[i * k + c];
      xk[c] += resp[i * k + c] * values[i];
    }
  for (let c = 0; c < k; c++) xk[c] /= nk[c];
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) sk[c] += resp[i * k + c] * (values[i] - xk[c]) ** 2;
  const concentrationA: number[] = [];
  const concentrationB: number[] = [];
  // Σ_{j>c} n_j, summed from the end as scikit-learn does.
  const after = new Array<number>(k).fill(0);
  for (let c = k - 2; c >= 0; c--) after[c] = after[c + 1] + nk[c + 1];
  for (let c = 0; c < k; c++) {
    if (p.prior === 'dirichlet-process') {
      concentrationA.push(1 + nk[c]);
      concentrationB.push(p.concentration + after[c]);
    } else concentrationA.push(p.concentration + nk[c]);
  }
  const meanPrecision = nk.map((v) => 1 + v);
  const means = nk.map((v, c) => (p.mean + v * xk[c]) / meanPrecision[c]);
  const degreesOfFreedom = nk.map((v) => 1 + v);
  const variances = nk.map((v, c) => {
    const s = sk[c] / v + p.regCovar;
    const wInv = p.variance + v * s + ((v * 1) / meanPrecision[c]) * (xk[c] - p.mean) ** 2;
    return wInv / degreesOfFreedom[c];
  });
  return { concentrationA, concentrationB, meanPrecision, means, degreesOfFreedom, variances };
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** scikit-learn's `_compute_lower_bound` for a 1-D Bayesian mixture (constants dropped as there). */
function lowerBound(model: Params, entropy: number, prior: WeightPrior): number {
  let logWishart = 0;
  let logMeanPrecision = 0;
  for (let c = 0; c < model.means.length; c++) {
    const nu = model.degreesOfFreedom[c];
    const logDetPrecisionChol = -0.5 * Math.log(model.variances[c] * nu);
    logWishart -= nu * logDetPrecisionChol + nu * 0.5 * Math.LN2 + logGamma(nu / 2);
    logMeanPrecision += Math.log(model.meanPrecision[c]);
  }
  const a = model.concentrationA;
  const logNormWeight =
    prior === 'dirichlet-process'
      ? -a.reduce((s, v, c) => s + logBeta(v, model.concentrationB[c]), 0)
      : logGamma(a.reduce((s, v) => s + v, 0)) - a.reduce((s, v) => s + logGamma(v), 0);
  return entropy - logWishart - logNormWeight - 0.5 * logMeanPrecision;
}

/** Runs the variational E-step: responsibilities, row-major [n, k], and their entropy −Σ r ln r. */
function eStep(values: Float64Array, model: Params & { prior: WeightPrior }, k: number) {
  const n = values.length;
  const resp = new Float64Array(n * k);
  const terms = logRhoTerms(model, expectedLogWeights(model));
  const row = new Float64Array(k);
  let entropy = 0;
  for (let i = 0; i < n; i++) {
    logRho(model.means, terms, values[i], row);
    const norm = logSumExp(row);
    for (let c = 0; c < k; c++) {
      const logR = row[c] - norm;
      const r = Math.exp(logR);
      resp[i * k + c] = r;
      if (r > 0) entropy -= r * logR;
    }
  }
  return { resp, entropy };
}

/** E[π_k] under q(π), normalized to sum to 1. */
function expectedWeights(model: Params, prior: WeightPrior): number[] {
  const a = model.concentrationA;
  let w: number[];
  if (prior === 'dirichlet') w = [...a];
  else {
    w = [];
    let remaining = 1;
    for (let c = 0; c < a.length; c++) {
      const total = a[c] + model.concentrationB[c];
      w.push((remaining * a[c]) / total);
      remaining *= model.concentrationB[c] / total;
    }
  }
  const sum = w.reduce((s, v) => s + v, 0);
  return w.map((v) => v / sum);
}

/**
 * Fits a variational Bayesian Gaussian mixture to 1-D values by mean-field variational inference
 * (Bishop 2006, §10.2; Blei & Jordan 2006 for the Dirichlet-process prior), the model CTGAN's
 * mode-specific normalization uses (Xu et al. 2019, arXiv:1907.00503; scikit-learn's
 * `BayesianGaussianMixture(n_components=10, weight_concentration_prior_type='dirichlet_process',
 * weight_concentration_prior=0.001)`). Priors as scikit-learn's: m₀ = the mean of the values,
 * β₀ = 1, ν₀ = 1, W₀⁻¹ = their sample variance. Initialization: hard responsibilities from
 * k-means (k-means++ seeds drawn from `rng`), so the fit is deterministic for an rng state. Then
 * E- and M-steps alternate until the evidence lower bound changes by less than `tolerance`.
 * Components that explain no data keep weights near γ₀-sized values; the encoders keep those
 * with weight above a threshold (CTGAN: 0.005).
 */
export function fitVariationalGmm(
  values: ArrayLike<number>,
  rng: Rng,
  options: VariationalGmmOptions = {},
): VariationalGmm {
  const n = values.length;
  if (n === 0) throw new DataError('cannot fit a mixture to an empty column');
  const data = Float64Array.from(values);
  for (let i = 0; i < n; i++)
    if (!Number.isFinite(values[i]))
      throw new DataError(`cannot fit a mixture: value ${i} is ${values[i]}, not a finite number`);
  const prior = options.prior ?? 'dirichlet-process';
  const regCovar = options.regCovar ?? 1e-6;
  const k = Math.max(1, Math.min(options.maxComponents ?? 10, n));
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  const variance = Math.max(n > 1 ? ss / (n - 1) : 0, regCovar);
  const priors: Priors = {
    mean,
    variance,
    concentration: options.weightConcentration ?? 1e-3,
    prior,
    regCovar,
  };
  const labels = options.init ?? kMeans1d(values, k, rng).labels;
  if (
    labels.length !== n ||
    Array.prototype.some.call(labels, (l: number) => !(l >= 0 && l < k && Number.isInteger(l)))
  )
    throw new DataError(`init: expected ${n} component indices in [0, ${k}), got ${labels.length} values`);
  const init = new Float64Array(n * k);
  for (let i = 0; i < n; i++) init[i * k + labels[i]] = 1;
  let params = mStep(data, init, k, priors);
  const maxIterations = options.maxIterations ?? 1000;
  const tolerance = options.tolerance ?? 1e-3;
  let bound = -Infinity;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const { resp, entropy } = eStep(data, { ...params, prior }, k);
    params = mStep(data, resp, k, priors);
    const next = lowerBound(params, entropy, prior);
    const change = next - bound;
    bound = next;
    if (Math.abs(change) < tolerance) {
      converged = true;
      break;
    }
  }
  return {
    prior,
    ...params,
    weights: expectedWeights(params, prior),
    sds: params.variances.map(Math.sqrt),
    iterations,
    converged,
    lowerBound: bound,
  };
}
