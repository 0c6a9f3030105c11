import * as tf from '@tensorflow/tfjs';
import { Rng, type Gan } from '@ganforge/core';
import { modeCoverage } from '@ganforge/metrics';
import { renderVegaLitePng } from '../plot/render-png.js';
import { histogramSpec, paddedDomain, scatterSpec, windowsSpec } from '../plot/specs.js';
import { dataView, mixtureOf, normalizationOf, rowsOf, toDataUnits, type DataView } from './data-view.js';
import { imageGridPng } from './image-grid.js';

/** Points drawn in a scatter or histogram of 2-D / 1-D / tabular samples. */
export const SCATTER_POINTS = 1000;
/** Windows drawn per set in a time-series picture. */
const WINDOW_LINES = 8;

/** Draws pictures of a GAN's samples over a run, always from the same latent vectors. */
export interface SamplePictures {
  readonly view: DataView;
  /** The picture of the current generator (PNG bytes); `title` heads plots. */
  render(title: string): Promise<Buffer>;
  /**
   * The final picture. For mixtures the title gives mode coverage: `known` (the run's
   * mode-coverage metric, so the numbers agree with the summary) or 2,500 samples scored here.
   */
  renderFinal(
    title: string,
    known?: { modes: number; highQuality: number; reverseKl: number },
  ): Promise<{
    png: Buffer;
    coverage?: { modes: number; totalModes: number; highQuality: number; reverseKl: number };
  }>;
  dispose(): void;
}

/** Class labels `0, 1, …, k−1, 0, 1, …` for `n` samples of a conditional run (one class per grid column). */
export function cyclicLabels(n: number, numClasses: number): number[] {
  return Array.from({ length: n }, (_, i) => i % numClasses);
}

/** Whether the run's generator takes class labels. */
export function isConditional(gan: Gan): boolean {
  return gan.data.numClasses !== undefined && gan.config.generator.kind === 'conditional';
}

/**
 * The pictures of a run: a sample grid of the fixed noise batch for images (one class per column
 * for conditional runs), real vs generated scatter for 2-D points (over the mode centres of a
 * mixture), histograms for 1-D, lines for time-series windows. Noise and real samples come from
 * streams of their own (`cli-pictures`, `cli-real`), so drawing never changes training.
 */
export function samplePictures(gan: Gan): SamplePictures {
  const view = dataView(gan.config, gan.data);
  const seed = gan.config.seed;
  const conditional = isConditional(gan);
  const classes = gan.data.numClasses ?? 1;
  const n =
    view.kind === 'images'
      ? conditional
        ? classes * Math.ceil(64 / classes)
        : 64
      : view.kind === 'windows'
        ? WINDOW_LINES
        : SCATTER_POINTS;
  const noise = new Rng(seed, 'cli-pictures').normalTensor([n, gan.generator.latentDim]);
  const realSampler = gan.data.sampler(new Rng(seed, 'cli-real'));
  const realBatch = realSampler.next(n);
  const real = toDataUnits(realBatch.x.dataSync(), gan.data);
  realBatch.x.dispose();
  realBatch.labels?.dispose();
  const domain = view.kind === 'points' && view.dim >= 2 ? paddedDomain(rowsOf(real, view.dim)) : undefined;

  const generate = (count: number, z?: tf.Tensor): ArrayLike<number> => {
    const x = gan.sample({
      n: count,
      noise: z,
      labels: conditional ? cyclicLabels(count, classes) : undefined,
    });
    try {
      return toDataUnits(x.dataSync(), gan.data);
    } finally {
      x.dispose();
    }
  };

  const draw = async (
    fake: ArrayLike<number>,
    title: string,
    realValues: ArrayLike<number>,
  ): Promise<Buffer> => {
    switch (view.kind) {
      case 'images':
        return imageGridPng(
          fake,
          [fake.length / (view.height * view.width * view.channels), view.height, view.width, view.channels],
          {
            columns: conditional ? classes : undefined,
          },
        );
      case 'windows': {
        const w = (v: ArrayLike<number>) =>
          rowsOf(v, view.window * view.channels).map((r) => rowsOf(r, view.channels));
        return renderVegaLitePng(
          windowsSpec(
            w(realValues).slice(0, WINDOW_LINES),
            w(fake).slice(0, WINDOW_LINES),
            title,
            normalizationOf(gan.data)?.columns,
          ),
        );
      }
      case 'points':
        if (view.dim === 1)
          return renderVegaLitePng(histogramSpec(Array.from(realValues), Array.from(fake), title));
        return renderVegaLitePng(
          scatterSpec(rowsOf(realValues, view.dim), rowsOf(fake, view.dim), title, {
            modes: mixtureOf(gan.data)?.modes,
            domain,
          }),
        );
    }
  };

  return {
    view,
    render: (title) => draw(generate(n, noise), title, real),
    async renderFinal(title, known) {
      const mixture = mixtureOf(gan.data);
      if (view.kind !== 'points' || !mixture) return { png: await draw(generate(n, noise), title, real) };
      const z = new Rng(seed, 'cli-final').normalTensor([2500, gan.generator.latentDim]);
      let fake: ArrayLike<number>;
      try {
        fake = generate(2500, z);
      } finally {
        z.dispose();
      }
      const c = known ?? modeCoverage(fake, mixture.modes, mixture.sigma);
      const coverage = {
        modes: c.modes,
        totalModes: mixture.modes.length,
        highQuality: c.highQuality,
        reverseKl: c.reverseKl,
      };
      const full = `${title}: ${c.modes}/${mixture.modes.length} modes, ${(100 * c.highQuality).toFixed(1)} % high quality (2,500 samples)`;
      return { png: await draw(Array.from(fake).slice(0, SCATTER_POINTS * view.dim), full, real), coverage };
    },
    dispose() {
      noise.dispose();
    },
  };
}
