import type { Rng } from '@ganforge/core';

/** The result of {@link kMeans1d}: centres and each value's cluster. */
export interface KMeans1d {
  centres: Float64Array;
  labels: Int32Array;
}

/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007; with 2 + ⌊ln k⌋ candidate draws per
 * centre, keeping the one that lowers the potential most, as scikit-learn does): the first centre
 * is a uniform draw; each next one is drawn with probability ∝ D(x)², the squared distance to the
 * nearest centre so far. When every value already coincides with a centre (fewer distinct values
 * than k), the rest are uniform draws: duplicate centres whose clusters stay empty.
 */
export function kMeansPlusPlus(values: ArrayLike<number>, k: number, rng: Rng): Float64Array {
  const n = values.length;
  const centres = new Float64Array(k);
  const closest = new Float64Array(n);
  centres[0] = values[rng.int(n)];
  let potential = 0;
  for (let i = 0; i < n; i++) potential += closest[i] = (values[i] - centres[0]) ** 2;
  const trials = 2 + Math.floor(Math.log(k));
  for (let c = 1; c < k; c++) {
    if (!(potential > 0)) {
      centres[c] = values[rng.int(n)];
      continue;
    }
    let best = -1;
    let bestPotential = Infinity;
    for (let t = 0; t < trials; t++) {
      const target = rng.next() * potential;
      let acc = 0;
      let pick = n - 1;
      for (let i = 0; i < n; i++) {
        acc += closest[i];
        if (acc > target) {
          pick = i;
          break;
        }
      }
      let p = 0;
      for (let i = 0; i < n; i++) p += Math.min(closest[i], (values[i] - values[pick]) ** 2);
      if (p < bestPotential) {
        bestPotential = p;
        best = pick;
      }
    }
    centres[c] = values[best];
    potential = 0;
    for (let i = 0; i < n; i++) potential += closest[i] = Math.min(closest[i], (values[i] - centres[c]) ** 2);
  }
  return centres;
}

/**
 * Lloyd's k-means on 1-D values from {@link kMeansPlusPlus} seeds: assign each value to its
 * nearest centre (ties to the lower index), move each centre to its cluster's mean (an empty
 * cluster keeps its centre), until no label changes or `maxIterations`. Deterministic for a
 * given `rng` state.
 */
export function kMeans1d(values: ArrayLike<number>, k: number, rng: Rng, maxIterations = 300): KMeans1d {
  const n = values.length;
  const centres = kMeansPlusPlus(values, k, rng);
  const labels = new Int32Array(n).fill(-1);
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c++) {
        const d = Math.abs(values[i] - centres[c]);
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
      if (labels[i] !== best) {
        labels[i] = best;
        changed = true;
      }
    }
    if (!changed) break;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      sums[labels[i]] += values[i];
      counts[labels[i]]++;
    }
    for (let c = 0; c < k; c++) if (counts[c] > 0) centres[c] = sums[c] / counts[c];
  }
  return { centres, labels };
}
