import { DataError } from '@ganforge/core';
import type { FeatureRows } from './feature-encoder.js';

/** A fitted linear model ŷ = ȳ + (x − x̄)·β. */
export interface LinearModel {
  readonly coefficients: Float64Array;
  predict(x: FeatureRows): Float64Array;
}

/** Solves A z = b in place for a symmetric positive definite A (row-major d × d) by Cholesky. */
function choleskySolve(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * d + j];
      for (let k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k];
      if (i === j) {
        if (!(s > 0))
          throw new DataError('linear regression: the normal equations are not positive definite');
        l[i * d + i] = Math.sqrt(s);
      } else l[i * d + j] = s / l[j * d + j];
    }
  }
  const z = Float64Array.from(b);
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < i; k++) z[i] -= l[i * d + k] * z[k];
    z[i] /= l[i * d + i];
  }
  for (let i = d - 1; i >= 0; i--) {
    for (let k = i + 1; k < d; k++) z[i] -= l[k * d + i] * z[k];
    z[i] /= l[i * d + i];
  }
  return z;
}

/**
 * Least-squares linear regression with an intercept (SDMetrics' LinearRegression efficacy metric,
 * scikit-learn's `LinearRegression`), solved from the centred normal equations
 * (X̃ᵀX̃ + λ · tr(X̃ᵀX̃)/d · I) β = X̃ᵀỹ by Cholesky. The small ridge λ (default 1e-8) only
 * makes the system solvable when features are collinear (one-hot groups sum to 1) and leaves
 * the predictions of ordinary least squares unchanged to about λ.
 */
export function fitLinearRegression(x: FeatureRows, y: Float64Array, ridge = 1e-8): LinearModel {
  const { rows: n, width: d, values } = x;
  const xMean = new Float64Array(d);
  let yMean = 0;
  for (let i = 0; i < n; i++) {
    yMean += y[i] / n;
    for (let f = 0; f < d; f++) xMean[f] += values[i * d + f] / n;
  }
  const a = new Float64Array(d * d);
  const b = new Float64Array(d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < d; f++) row[f] = values[i * d + f] - xMean[f];
    const yc = y[i] - yMean;
    for (let f = 0; f < d; f++) {
      const rf = row[f];
      if (rf === 0) continue;
      b[f] += rf * yc;
      for (let g = 0; g <= f; g++) a[f * d + g] += rf * row[g];
    }
  }
  let trace = 0;
  for (let f = 0; f < d; f++) trace += a[f * d + f];
  const lambda = ridge * Math.max(trace / Math.max(d, 1), 1e-12);
  for (let f = 0; f < d; f++) {
    a[f * d + f] += lambda;
    for (let g = 0; g < f; g++) a[g * d + f] = a[f * d + g];
  }
  const coefficients = d > 0 ? choleskySolve(a, b, d) : new Float64Array(0);
  return {
    coefficients,
    predict(test) {
      const out = new Float64Array(test.rows);
      for (let i = 0; i < test.rows; i++) {
        let s = yMean;
        for (let f = 0; f < d; f++) s += (test.values[i * d + f] - xMean[f]) * coefficients[f];
        out[i] = s;
      }
      return out;
    },
  };
}
