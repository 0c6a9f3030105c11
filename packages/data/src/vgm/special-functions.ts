/**
 * The digamma function ψ(x) = d/dx ln Γ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x lifts
 * x to ≥ 10, then the asymptotic series ψ(x) ≈ ln x − 1/(2x) − 1/(12x²) + 1/(120x⁴) − 1/(252x⁶)
 * + 1/(240x⁸) − 1/(132x¹⁰) (Abramowitz & Stegun 6.3.18) is accurate to about 1e-13.
 * The variational mixture needs it for E[ln π] and E[ln |Λ|] (Bishop 2006, eqs. 10.65–10.66).
 */
export function digamma(x: number): number {
  let result = 0;
  let y = x;
  while (y < 10) {
    result -= 1 / y;
    y += 1;
  }
  const inv = 1 / y;
  const inv2 = inv * inv;
  return (
    result +
    Math.log(y) -
    0.5 * inv -
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))))
  );
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, 9 terms; relative error about 1e-15),
 * with the reflection ln Γ(x) = ln(π / sin πx) − ln Γ(1 − x) below 0.5. Used by the mixture's
 * evidence lower bound (the Wishart and Beta normalizers).
 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0];
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}
