/**
 * The Gaussian copula baseline synthesizer (Patki, Wedge & Veeramachaneni 2016, "The Synthetic
 * Data Vault", doi:10.1109/DSAA.2016.49; SDV's GaussianCopulaSynthesizer): empirical marginals,
 * the Pearson correlation of normal scores, sampling through its Cholesky factor.
 */
import './options-map.js';

export {
  copulaComponents,
  registerCopula,
  gaussianCopulaGeneratorComponent,
  gaussianCopulaPresetComponent,
  gaussianCopulaOptionsSchema,
} from './components.js';
export { gaussianCopulaGenerator } from './copula-generator.js';
export type { GaussianCopulaGenerator, GaussianCopulaOptions } from './copula-generator.js';
export { fitGaussianCopula } from './fit-copula.js';
export type {
  CopulaInput,
  CopulaMarginal,
  CopulaDimension,
  GaussianCopulaModel,
  FitCopulaOptions,
} from './fit-copula.js';
export { sampleGaussianCopula, inverseMarginal } from './sample-copula.js';
export { copulaVariables, copulaFromState } from './copula-state.js';
export {
  copulaTableOf,
  planColumns,
  decodeColumns,
  copulaInputs,
  columnsFromSample,
  encodeColumns,
} from './table-columns.js';
export type { CopulaTable, ColumnPlan } from './table-columns.js';
export { pearsonCorrelation, cholesky, positiveDefiniteCholesky, CORRELATION_JITTER } from './correlation.js';
export {
  midRankUniforms,
  quantileKnots,
  quantileAt,
  intervalOrder,
  intervalBounds,
  slotAt,
} from './marginals.js';
export { normalCdf, normalQuantile } from './normal.js';
