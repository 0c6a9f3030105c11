// Paper figures, not our runs: the published rows of BENCHMARKS.md §3, copied as printed there.

/** Modes captured, high-quality share (%) and reverse KL (null where the paper gives none). */
export interface PublishedCell {
  modes: number;
  hq: number;
  rkl: number | null;
}

/** One published method's figures on the ring (8 modes) and the grid (25 modes). */
export interface PublishedRow {
  method: string;
  /** The paper and table the figures come from, and how its protocol differs from ours. */
  source: string;
  ring: PublishedCell;
  grid: PublishedCell;
}

const PACGAN = 'PacGAN Tab. 1 (Lin et al. 2018, arXiv:1712.04086)';
const VEEGAN = 'VEEGAN Tab. 1 (Srivastava et al. 2017, arXiv:1705.07761), different protocol';

/** Published figures of the mixtures benchmark (BENCHMARKS.md §3): paper tables, not GANForge runs. */
export const PUBLISHED: readonly PublishedRow[] = [
  {
    method: 'GAN',
    source: PACGAN,
    ring: { modes: 6.3, hq: 98.2, rkl: 0.45 },
    grid: { modes: 17.3, hq: 94.8, rkl: 0.7 },
  },
  {
    method: 'PacGAN4',
    source: PACGAN,
    ring: { modes: 7.8, hq: 95.9, rkl: 0.07 },
    grid: { modes: 24.8, hq: 93.6, rkl: 0.04 },
  },
  {
    method: 'Unrolled GAN',
    source: VEEGAN,
    ring: { modes: 7.6, hq: 35.6, rkl: null },
    grid: { modes: 23.6, hq: 16.0, rkl: null },
  },
  {
    method: 'VEEGAN',
    source: VEEGAN,
    ring: { modes: 8.0, hq: 52.9, rkl: null },
    grid: { modes: 24.6, hq: 40.0, rkl: null },
  },
];
