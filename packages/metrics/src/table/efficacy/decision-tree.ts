import type { FeatureRows } from './feature-encoder.js';

/** Options of {@link fitDecisionTree}. */
export interface DecisionTreeOptions {
  /** Depth at most (default 30, SDMetrics' MulticlassDecisionTreeClassifier). */
  maxDepth?: number;
  /** Rows in a leaf at least (default 1). */
  minSamplesLeaf?: number;
  /** `balanced` (default, as SDMetrics): class c weighs n / (K · n_c); `none`: every row weighs 1. */
  classWeight?: 'balanced' | 'none';
}

/** A fitted classification tree. */
export interface DecisionTree {
  /** Nodes (splits and leaves). */
  readonly nodes: number;
  /** Depth of the deepest leaf (a single leaf has depth 0). */
  readonly depth: number;
  /** The class index of each row. */
  predict(x: FeatureRows): Int32Array;
}

interface Split {
  feature: number;
  /** Rows going left (x ≤ threshold), counted from the node's start. */
  count: number;
  threshold: number;
  impurity: number;
}

/**
 * A CART classification tree (Breiman et al. 1984) as scikit-learn's `DecisionTreeClassifier`
 * with SDMetrics' efficacy settings (max_depth 30, class_weight 'balanced'): each node takes the
 * split x_f ≤ t (t midway between consecutive distinct values) minimizing the weighted Gini
 * impurity Σ_side W_side (1 − Σ_c (W_side,c / W_side)²) — even one that does not lower it, as
 * scikit-learn, so XOR-like interactions are found one level down — and stops when pure, at
 * `maxDepth`, or when every feature is constant in the node; a leaf predicts its heaviest class
 * (ties: the lower index).
 * Deterministic: features are scanned in order and the first best split wins (scikit-learn
 * permutes features at random, so ties may resolve differently). Rows are presorted once per
 * feature and partitioned stably, O(n · d) per level.
 */
export function fitDecisionTree(
  x: FeatureRows,
  y: Int32Array,
  classes: number,
  options: DecisionTreeOptions = {},
): DecisionTree {
  const { rows: n, width: d, values } = x;
  const maxDepth = options.maxDepth ?? 30;
  const minLeaf = Math.max(1, options.minSamplesLeaf ?? 1);
  const counts = new Float64Array(classes);
  for (let i = 0; i < n; i++) counts[y[i]]++;
  const present = counts.filter((c) => c > 0).length;
  const classWeight = Float64Array.from(counts, (c) =>
    options.classWeight === 'none' || c === 0 ? 1 : n / (present * c),
  );
  const order = Array.from({ length: d }, (_, f) => {
    const idx = Int32Array.from({ length: n }, (_, i) => i);
    return idx.sort((a, b) => values[a * d + f] - values[b * d + f] || a - b);
  });
  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const leafClass: number[] = [];
  const goesLeft = new Uint8Array(n);
  const buffer = new Int32Array(n);
  let deepest = 0;

  const totals = (lo: number, hi: number) => {
    const t = new Float64Array(classes);
    const seg = order[0] ?? Int32Array.from({ length: n }, (_, i) => i);
    for (let p = lo; p < hi; p++) t[y[seg[p]]] += classWeight[y[seg[p]]];
    return t;
  };

  const bestSplit = (lo: number, hi: number, total: Float64Array, weight: number): Split | undefined => {
    let sqTotal = 0;
    for (const t of total) sqTotal += t * t;
    let best: Split | undefined;
    let bestImpurity = Infinity;
    const leftCounts = new Float64Array(classes);
    const rightCounts = new Float64Array(classes);
    for (let f = 0; f < d; f++) {
      const seg = order[f];
      leftCounts.fill(0);
      rightCounts.set(total);
      let sqL = 0;
      let sqR = sqTotal;
      let wL = 0;
      let wR = weight;
      for (let p = lo; p < hi - 1; p++) {
        const i = seg[p];
        const c = y[i];
        const w = classWeight[c];
        sqL += 2 * w * leftCounts[c] + w * w;
        leftCounts[c] += w;
        sqR += -2 * w * rightCounts[c] + w * w;
        rightCounts[c] -= w;
        wL += w;
        wR -= w;
        const nL = p - lo + 1;
        if (nL < minLeaf || hi - lo - nL < minLeaf) continue;
        const v = values[i * d + f];
        const next = values[seg[p + 1] * d + f];
        if (!(v < next)) continue;
        const impurity = wL - sqL / wL + (wR - sqR / wR);
        if (impurity < bestImpurity) {
          bestImpurity = impurity;
          let t = (v + next) / 2;
          if (t >= next) t = v;
          best = { feature: f, count: nL, threshold: t, impurity };
        }
      }
    }
    return best;
  };

  const partition = (lo: number, hi: number, split: Split) => {
    const seg = order[split.feature];
    for (let p = lo; p < hi; p++) goesLeft[seg[p]] = p < lo + split.count ? 1 : 0;
    for (let f = 0; f < d; f++) {
      const s = order[f];
      let l = lo;
      let r = 0;
      for (let p = lo; p < hi; p++) {
        const i = s[p];
        if (goesLeft[i]) s[l++] = i;
        else buffer[r++] = i;
      }
      s.set(buffer.subarray(0, r), l);
    }
  };

  const build = (lo: number, hi: number, depth: number): number => {
    const node = feature.length;
    feature.push(-1);
    threshold.push(0);
    left.push(-1);
    right.push(-1);
    const total = totals(lo, hi);
    let top = 0;
    for (let c = 1; c < classes; c++) if (total[c] > total[top]) top = c;
    leafClass.push(top);
    deepest = Math.max(deepest, depth);
    const weight = total.reduce((a, b) => a + b, 0);
    const pure = total.filter((t) => t > 0).length <= 1;
    if (pure || depth >= maxDepth || hi - lo < 2 * minLeaf || d === 0) return node;
    const split = bestSplit(lo, hi, total, weight);
    if (split === undefined) return node;
    partition(lo, hi, split);
    feature[node] = split.feature;
    threshold[node] = split.threshold;
    left[node] = build(lo, lo + split.count, depth + 1);
    right[node] = build(lo + split.count, hi, depth + 1);
    return node;
  };
  build(0, n, 0);

  return {
    nodes: feature.length,
    depth: deepest,
    predict(test) {
      const out = new Int32Array(test.rows);
      for (let i = 0; i < test.rows; i++) {
        let node = 0;
        while (feature[node] >= 0)
          node = test.values[i * test.width + feature[node]] <= threshold[node] ? left[node] : right[node];
        out[i] = leafClass[node];
      }
      return out;
    },
  };
}
