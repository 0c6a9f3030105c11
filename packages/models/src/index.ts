/**
 * @ganforge/models: functional layers and networks (MLP, DCGAN, GRU/LSTM sequence networks),
 * spectral normalization and an adapter for tf.LayersModel, with their registered components and
 * the `sngan` preset.
 * @packageDocumentation
 */
import './options-map.js';

export type { Layer, LayerApplyOptions, LayerInit, LayerOutput } from './layers/layer.js';
export { prefixTree, subTree } from './layers/layer.js';
export { initBias, initKernel, initSchemeSchema } from './layers/initializers.js';
export type { InitScheme } from './layers/initializers.js';
export { dense } from './layers/dense.js';
export type { DenseOptions } from './layers/dense.js';
export { conv2d } from './layers/conv2d.js';
export type { Conv2dOptions } from './layers/conv2d.js';
export { conv2dTranspose, transposedOutputSize } from './layers/conv2d-transpose.js';
export type { Conv2dTransposeOptions } from './layers/conv2d-transpose.js';
export { batchNorm } from './layers/batch-norm.js';
export type { BatchNormOptions } from './layers/batch-norm.js';
export { layerNorm } from './layers/layer-norm.js';
export { dropout } from './layers/dropout.js';
export { activation, activationLayer, activationNameSchema, leakyRelu } from './layers/activation.js';
export type { ActivationName } from './layers/activation.js';
export { reshape, flatten } from './layers/reshape.js';
export { gru } from './layers/gru.js';
export type { GruOptions } from './layers/gru.js';
export { lstm } from './layers/lstm.js';
export type { LstmOptions } from './layers/lstm.js';
export { initRecurrentParams, recurrentSettings } from './layers/recurrent.js';
export type { RecurrentOptions, RecurrentSettings } from './layers/recurrent.js';
export { timeDistributed, meanOverTime } from './layers/time-distributed.js';
export { initSequential, applySequential } from './layers/sequential.js';
export type { SequentialOutput } from './layers/sequential.js';
export { SequentialGenerator, SequentialDiscriminator } from './networks/sequential-network.js';
export {
  mlpGenerator,
  mlpDiscriminator,
  mlpGeneratorOptionsSchema,
  mlpDiscriminatorOptionsSchema,
} from './networks/mlp.js';
export type { MlpGeneratorOptions, MlpDiscriminatorOptions, NetworkBuildContext } from './networks/mlp.js';
export {
  dcganGenerator,
  dcganDiscriminator,
  dcganGeneratorOptionsSchema,
  dcganDiscriminatorOptionsSchema,
  dcganStages,
} from './networks/dcgan.js';
export type { DcganGeneratorOptions, DcganDiscriminatorOptions } from './networks/dcgan.js';
export {
  rnnGeneratorOptionsSchema,
  rnnDiscriminatorOptionsSchema,
  recurrentCellSchema,
} from './networks/recurrent-options.js';
export type {
  RnnGeneratorOptions,
  RnnDiscriminatorOptions,
  RecurrentCell,
  RecurrentBuildContext,
} from './networks/recurrent-options.js';
export { RecurrentGenerator, rnnGenerator } from './networks/recurrent-generator.js';
export type { RecurrentGeneratorSettings } from './networks/recurrent-generator.js';
export { RecurrentDiscriminator, rnnDiscriminator } from './networks/recurrent-discriminator.js';
export { checkStepCondition, withStepCondition } from './networks/step-condition.js';
export { spectralNormalize } from './spectral-norm/spectral-normalize.js';
export type { SpectralNormalizeOptions, SpectralNormalized } from './spectral-norm/spectral-normalize.js';
export {
  SpectralNormDiscriminator,
  SpectralNormGenerator,
  spectralNormKernelPaths,
  SPECTRAL_NORM_STATE_PREFIX,
} from './spectral-norm/spectral-norm-network.js';
export type { SpectralNormOptions } from './spectral-norm/spectral-norm-network.js';
export { fromLayersModel } from './adapters/layers-model.js';
export {
  mlpGeneratorComponent,
  mlpDiscriminatorComponent,
  dcganGeneratorComponent,
  dcganDiscriminatorComponent,
  rnnGeneratorComponent,
  rnnDiscriminatorComponent,
  spectralNormGeneratorComponent,
  spectralNormDiscriminatorComponent,
  spectralNormOptionsSchema,
  modelsComponents,
} from './components.js';
export type { SpectralNormBlockOptions } from './components.js';
export { snganPreset, snganPresetComponent } from './sngan-preset.js';
export { modelsPlugin } from './plugin.js';
export { MODELS_VERSION } from './version.js';
