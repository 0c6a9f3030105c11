/**
 * @ganforge/data: data sources for GANForge. This entry is browser-safe: the 2D toy mixtures
 * (ring, grid, spiral), 1D mixtures, in-memory tables, sliding windows and labelled images, the
 * IDX parser, normalization and the seeded MNIST split. File loading (MNIST from the `mnist`
 * package, IDX files, CSV, PNG folders) and export writers are in `@ganforge/data/node`.
 * @packageDocumentation
 */
import './options-map.js';

export { gaussianMixture } from './mixture/gaussian-mixture.js';
export type { MixtureSource, GaussianMixtureOptions } from './mixture/gaussian-mixture.js';
export { ring, ringModes, ringOptionsSchema, ringComponent } from './mixture/ring.js';
export type { RingOptions } from './mixture/ring.js';
export { grid, gridModes, gridOptionsSchema, gridComponent } from './mixture/grid.js';
export type { GridOptions } from './mixture/grid.js';
export { spiral, spiralModes, spiralOptionsSchema, spiralComponent } from './mixture/spiral.js';
export type { SpiralOptions } from './mixture/spiral.js';
export { mixture1d, mixture1dOptionsSchema, mixture1dComponent } from './mixture/mixture-1d.js';
export type { Mixture1dOptions } from './mixture/mixture-1d.js';
export { dataPlugin, browserDataComponents } from './plugin.js';
export { DATA_VERSION } from './version.js';
export { epochSampler } from './sampler/epoch-sampler.js';
export type { EpochSamplerState } from './sampler/epoch-sampler.js';
export { inMemorySource, selectRows, validateDataset } from './images/labelled-images.js';
export type { InMemoryDataset, InMemorySource } from './images/labelled-images.js';
export { mnistSplitIndices, MNIST_SPLIT_SEED, MNIST_HELD_OUT_SIZE } from './mnist/mnist-split.js';
export type { SplitIndices } from './mnist/mnist-split.js';
export { parseIdx, encodeIdx } from './idx/parse-idx.js';
export type { IdxArray } from './idx/parse-idx.js';
export { idxToDataset } from './idx/idx-dataset.js';
export {
  fitNormalization,
  normalize,
  denormalize,
  checkNormalization,
} from './normalization/column-normalization.js';
export type { ColumnNormalization, NormalizationMethod } from './normalization/column-normalization.js';
export { tabularSource } from './table/tabular-source.js';
export type { NumericTable, TabularSource, TabularSourceOptions } from './table/tabular-source.js';
export { slidingWindows, windowsSource } from './table/sliding-windows.js';
export type { WindowsSourceOptions } from './table/sliding-windows.js';
