/**
 * @ganforge/plugin-ctgan: CTGAN (Xu, Skoularidou, Cuesta-Infante & Veeramachaneni 2019,
 * arXiv:1907.00503) for tables: Gumbel-softmax generator heads over the table layout, the
 * conditional vector with training-by-sampling, a packed WGAN-GP critic; mixed-type columns
 * after CTAB-GAN (Zhao et al. 2021, arXiv:2102.08369); and the Gaussian copula baseline
 * synthesizer (Patki, Wedge & Veeramachaneni 2016).
 * @packageDocumentation
 */
import './options-map.js';

export { gumbelFromNormal, uniformFromNormal, gumbelSoftmax } from './head/gumbel.js';
export { headPlan, activateSpans } from './head/span-activations.js';
export type { HeadPlan, HeadSpan, SpanActivationOptions } from './head/span-activations.js';
export { conditionSlots } from './condition/condition-slots.js';
export type { ConditionSlots, ConditionRole } from './condition/condition-slots.js';
export { conditionSpace } from './condition/condition-space.js';
export type { ConditionSpace } from './condition/condition-space.js';
export {
  categoryProbabilities,
  inverseCdf,
  drawConditions,
  conditionOneHots,
} from './condition/draw-conditions.js';
export type { ConditionDraw } from './condition/draw-conditions.js';
export { trainingBySamplingSampler } from './condition/training-by-sampling.js';
export type { TrainingBySamplingState } from './condition/training-by-sampling.js';
export { withTrainingBySampling, isTableSource, isConditionalTable } from './condition/conditional-table.js';
export type { ConditionalTableSource, TrainingBySamplingOptions } from './condition/conditional-table.js';
export { conditionLabel, conditionVector } from './condition/condition-vector.js';
export { conditionCrossEntropy } from './condition/condition-loss.js';
export { residualBlock } from './networks/residual.js';
export { conditionCdf, drawConditionFromNormal } from './networks/draw-condition.js';
export { CtganGenerator } from './networks/ctgan-generator.js';
export type { CtganGeneratorSettings, CtganGeneratorOutput } from './networks/ctgan-generator.js';
export { CtganDiscriminator } from './networks/ctgan-discriminator.js';
export { conditionLossRegularizer } from './regularizers/condition-loss-regularizer.js';
export { weightDecayRegularizer, halfSquaredNorm } from './regularizers/weight-decay.js';
export {
  ctganGeneratorComponent,
  ctganDiscriminatorComponent,
  ctganGeneratorOptionsSchema,
  ctganDiscriminatorOptionsSchema,
} from './network-components.js';
export type { CtganGeneratorOptions, CtganDiscriminatorOptions } from './network-components.js';
export {
  ctganComponents,
  trainingBySamplingComponent,
  trainingBySamplingOptionsSchema,
  conditionLossComponent,
  conditionLossOptionsSchema,
  weightDecayComponent,
  weightDecayOptionsSchema,
} from './components.js';
export type {
  TrainingBySamplingComponentOptions,
  ConditionLossOptions,
  WeightDecayOptions,
} from './components.js';
export { ctganPreset, ctganPresetComponent } from './preset.js';
export {
  copulaComponents,
  registerCopula,
  gaussianCopulaGeneratorComponent,
  gaussianCopulaPresetComponent,
  gaussianCopulaOptionsSchema,
  gaussianCopulaGenerator,
  fitGaussianCopula,
  sampleGaussianCopula,
  inverseMarginal,
  copulaVariables,
  copulaFromState,
  copulaTableOf,
  planColumns,
  decodeColumns,
  copulaInputs,
  columnsFromSample,
  encodeColumns,
  pearsonCorrelation,
  cholesky,
  positiveDefiniteCholesky,
  CORRELATION_JITTER,
  midRankUniforms,
  quantileKnots,
  quantileAt,
  intervalOrder,
  intervalBounds,
  slotAt,
  normalCdf,
  normalQuantile,
} from './copula/index.js';
export type {
  GaussianCopulaGenerator,
  GaussianCopulaOptions,
  CopulaInput,
  CopulaMarginal,
  CopulaDimension,
  GaussianCopulaModel,
  FitCopulaOptions,
  CopulaTable,
  ColumnPlan,
} from './copula/index.js';
export { ctganPlugin } from './plugin.js';
export { CTGAN_VERSION } from './version.js';
