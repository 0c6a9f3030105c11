/** Share of rows whose predicted class equals the true one. */
export function accuracy(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let correct = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) correct++;
  return truth.length > 0 ? correct / truth.length : Number.NaN;
}

/**
 * Macro-averaged F1 (scikit-learn's `f1_score(average='macro')`, SDMetrics' multiclass efficacy
 * scorer): the unweighted mean over every class that occurs in `truth` or `predicted` of
 * F1_c = 2 P_c R_c / (P_c + R_c), with precision P_c = tp/(tp + fp) and recall R_c = tp/(tp + fn),
 * each 0 when its denominator is 0 (scikit-learn's `zero_division` default).
 */
export function macroF1(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const tp = new Map<number, number>();
  const fp = new Map<number, number>();
  const fn = new Map<number, number>();
  const add = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + 1);
  const labels = new Set<number>();
  for (let i = 0; i < truth.length; i++) {
    labels.add(truth[i]).add(predicted[i]);
    if (truth[i] === predicted[i]) add(tp, truth[i]);
    else {
      add(fp, predicted[i]);
      add(fn, truth[i]);
    }
  }
  if (labels.size === 0) return Number.NaN;
  let sum = 0;
  for (const c of labels) {
    const t = tp.get(c) ?? 0;
    const p = t + (fp.get(c) ?? 0) > 0 ? t / (t + (fp.get(c) ?? 0)) : 0;
    const r = t + (fn.get(c) ?? 0) > 0 ? t / (t + (fn.get(c) ?? 0)) : 0;
    sum += p + r > 0 ? (2 * p * r) / (p + r) : 0;
  }
  return sum / labels.size;
}

/**
 * The coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² on the test rows (scikit-learn's
 * `r2_score`, SDMetrics' regression efficacy scorer); 1 = perfect, 0 = as good as predicting the
 * mean, negative = worse. NaN when the test targets are constant.
 */
export function rSquared(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < truth.length; i++) mean += truth[i] / truth.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < truth.length; i++) {
    ssRes += (truth[i] - predicted[i]) ** 2;
    ssTot += (truth[i] - mean) ** 2;
  }
  return ssTot > 0 ? 1 - ssRes / ssTot : Number.NaN;
}
