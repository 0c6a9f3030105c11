// Scores a seed-1 sample file two ways: mode coverage (modes, high-quality share, reverse KL; PacGAN
// protocol) and the k-NN manifold statistics (precision, recall, density, coverage; k 5) against
// bench/mixtures' fixed real reference, so the docs can show whether the two agree.
import { manifoldStatisticsBatched, modeCoverage } from '@ganforge/metrics';
import { isMixtureName, MIXTURES, reference } from '../mixtures/reference.js';
import type { SampleFile } from './load.js';

/** One sample file's scores. */
export interface FidelityRow {
  impl: string;
  variant: string;
  dataset: string;
  steps: number;
  seed: number;
  modes: number;
  /** High-quality share in per cent. */
  hq: number;
  /** Reverse KL; NaN when no sample was high quality. */
  rkl: number;
  precision: number;
  recall: number;
  density: number;
  coverage: number;
}

/**
 * The scores of `file`, or a message saying why it cannot be scored: a data set other than
 * bench/mixtures' ring and grid. Throws when the file's mixture is not the one its data set's
 * reference is drawn from.
 */
export function scoreSampleFile(file: SampleFile): FidelityRow | string {
  const { impl, variant, dataset, steps, seed } = file;
  if (!isMixtureName(dataset)) return `data set '${dataset}' has no fixed reference`;
  const mixture = MIXTURES[dataset];
  const sameModes =
    file.modes.length === mixture.modes.length &&
    file.modes.every((m, i) => m.every((v, j) => Math.abs(v - mixture.modes[i][j]) < 1e-9));
  if (!sameModes || file.sigma !== mixture.sigma) {
    throw new Error(`${file.path}: its modes or σ differ from bench/mixtures' ${dataset}`);
  }
  const c = modeCoverage(file.samples, file.modes, file.sigma);
  const knn = manifoldStatisticsBatched(reference(dataset), { values: file.samples, dim: 2 }, { k: 5 });
  return {
    impl,
    variant,
    dataset,
    steps,
    seed,
    modes: c.modes,
    hq: 100 * c.highQuality,
    rkl: c.reverseKl,
    ...knn,
  };
}
