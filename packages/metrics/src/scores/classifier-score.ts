import { ConfigError } from '@ganforge/core';

/**
 * The Inception-style classifier score (Salimans et al. 2016, arXiv:1606.03498) from class
 * probabilities p(y|xᵢ) of n samples (row-major `[n × k]`):
 *
 *   IS = exp( (1/n) Σᵢ KL(p(y|xᵢ) ‖ p(y)) ),   p(y) = (1/n) Σᵢ p(y|xᵢ)
 *
 * It lies in [1, k]: 1 when every sample gets the same prediction, k for confident predictions
 * spread evenly over the k classes; for a label mix q it cannot exceed exp(H(q)). Biased in n:
 * state n with it.
 */
export function classifierScore(probabilities: ArrayLike<number>, classes: number): number {
  const n = probabilities.length / classes;
  if (!Number.isInteger(n) || n < 1)
    throw new ConfigError(
      `${probabilities.length} probabilities do not fill rows of ${classes} classes`,
      'samples',
    );
  const marginal = new Float64Array(classes);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < classes; c++) marginal[c] += probabilities[i * classes + c] / n;
  let kl = 0;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < classes; c++) {
      const p = probabilities[i * classes + c];
      if (p > 0) kl += p * (Math.log(p) - Math.log(marginal[c]));
    }
  }
  return Math.exp(kl / n);
}

/** exp(H(q)) of a label histogram: the classifier score of a perfect classifier on that label mix. */
export function classifierScoreCeiling(labels: ArrayLike<number>, classes: number): number {
  const counts = new Float64Array(classes);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / labels.length) * Math.log(c / labels.length);
  return Math.exp(h);
}
