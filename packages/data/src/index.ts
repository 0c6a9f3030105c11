/**
 * @ganforge/data: data sources for GANForge. This entry is browser-safe: the 2D toy mixtures
 * (ring, grid, spiral), 1D mixtures, in-memory tables, sliding windows and labelled images, the
 * IDX parser, normalization, the seeded MNIST split, and mixed-type tables: typing, reversible
 * column transforms (one-hot, min-max, CTGAN's mode-specific normalization with a variational
 * Gaussian mixture, CTAB-GAN's mixed encoding) and the table source. File loading (MNIST from the `mnist`
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
export { digamma, logGamma } from './vgm/special-functions.js';
export { kMeans1d, kMeansPlusPlus } from './vgm/k-means-1d.js';
export type { KMeans1d } from './vgm/k-means-1d.js';
export { fitVariationalGmm } from './vgm/variational-gmm.js';
export { vgmPosterior, expectedLogWeights } from './vgm/posterior.js';
export type { PosteriorParams } from './vgm/posterior.js';
export type { VariationalGmm, VariationalGmmOptions, WeightPrior } from './vgm/variational-gmm.js';
export { COLUMN_TYPES, describeCell } from './tabular/column-types.js';
export type {
  ColumnType,
  CellValue,
  TableRow,
  TypedColumn,
  NumericColumn,
  CategoricalColumn,
  BooleanColumn,
  TypedTable,
  TableOrigin,
} from './tabular/column-types.js';
export {
  parseNumber,
  parseInteger,
  parseBoolean,
  parseDatetime,
  isDateOnly,
  decimalsOf,
  fitsType,
} from './tabular/cell-parsers.js';
export { typeTable, inferColumnType, DEFAULT_MISSING_TOKENS } from './tabular/type-table.js';
export type { TypeTableOptions, ColumnTypeOverride } from './tabular/type-table.js';
export { shiftSpans, argmax } from './tabular/transforms/layout.js';
export type {
  TransformKind,
  OutputSpan,
  ContinuousSpan,
  OneHotSpan,
  ColumnLayout,
  TableLayout,
} from './tabular/transforms/layout.js';
export type {
  ColumnTransform,
  EncodedBlock,
  BlockView,
  CellLocator,
} from './tabular/transforms/column-transform.js';
export { numericDomain, toDomain } from './tabular/transforms/numeric-domain.js';
export type { NumericDomain } from './tabular/transforms/numeric-domain.js';
export { fitMinMax } from './tabular/transforms/min-max.js';
export { fitOneHot, MISSING_LABEL } from './tabular/transforms/one-hot.js';
export { fitModes, ALPHA_CLIP } from './tabular/transforms/mode-codec.js';
export type { ModeCodec, ModeOptions } from './tabular/transforms/mode-codec.js';
export { fitModeSpecific } from './tabular/transforms/mode-specific.js';
export { fitMixed } from './tabular/transforms/mixed.js';
export { findPointMasses } from './tabular/transforms/point-masses.js';
export type { PointMassOptions } from './tabular/transforms/point-masses.js';
export { fitColumnTransform, transformInput } from './tabular/fit-column.js';
export type { ColumnTransformOverride, TableTransformOptions, TransformInput } from './tabular/fit-column.js';
export { fitTableCodec, formatDatetime } from './tabular/table-codec.js';
export type { TableCodec, ColumnInfo } from './tabular/table-codec.js';
export { tableSource, splitRows } from './tabular/table-source.js';
export type { TableSource, TableSourceOptions } from './tabular/table-source.js';
