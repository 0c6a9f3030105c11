import { ConfigError } from '@ganforge/core';

/**
 * The exact upper tail of a binomial distribution, P(X ≥ s) for X ~ Binomial(n, p):
 *
 *   P(X ≥ s) = Σ_{j=s}^{n} C(n, j) pʲ (1 − p)ⁿ⁻ʲ,
 *
 * summed in log space (log-factorial table, log-sum-exp) so it stays accurate down to ~1e-300
 * for n in the tens of thousands. 1 for s ≤ 0, 0 for s > n.
 */
export function binomialUpperTail(successes: number, trials: number, p = 0.5): number {
  if (!(Number.isInteger(trials) && trials >= 0))
    throw new ConfigError(`trials must be a non-negative integer, got ${trials}`, 'trials');
  if (!(p > 0 && p < 1)) throw new ConfigError(`p must lie in (0, 1), got ${p}`, 'p');
  if (successes <= 0) return 1;
  if (successes > trials) return 0;
  const logFactorial = new Float64Array(trials + 1);
  for (let i = 2; i <= trials; i++) logFactorial[i] = logFactorial[i - 1] + Math.log(i);
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  const terms: number[] = [];
  for (let j = Math.ceil(successes); j <= trials; j++)
    terms.push(
      logFactorial[trials] - logFactorial[j] - logFactorial[trials - j] + j * lp + (trials - j) * lq,
    );
  const top = Math.max(...terms);
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - top);
  return Math.min(1, Math.exp(top) * sum);
}
