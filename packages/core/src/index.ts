/**
 * @ganforge/core: the interfaces, the DI registry, config validation, the adversarial trainer,
 * pure optimizers, gradient fixes, backend selection and checkpoint format of GANForge.
 *
 * Browser-safe: Node-only code (checkpoints on disk, metrics files) is in `@ganforge/core/node`.
 * @packageDocumentation
 */
import './di/tsyringe.js';

export type {
  ParamTree,
  VariableTree,
  ForwardOptions,
  Network,
  Generator,
  GeneratorOutput,
  Discriminator,
  DiscriminatorOutput,
} from './types/network.js';
export type { Batch, BatchSampler, DataSource } from './types/data.js';
export type {
  LossContext,
  DiscriminatorScores,
  GanLoss,
  Regularizer,
  Hook,
  ConfigDefaults,
  OptimizerConfigDefaults,
} from './types/loss.js';
export type { Optimizer } from './types/optimizer.js';
export type { Augment, AugmentTransform } from './types/augment.js';
export { isStatefulComponent } from './types/stateful.js';
export type { StatefulComponent, DiscriminatorUpdate } from './types/stateful.js';
export type {
  StepLogs,
  Trainer,
  TrainerState,
  Callback,
  CallbackContext,
  FitOptions,
} from './types/trainer.js';
export { STOP_TRAINING } from './types/trainer.js';
export type { GanPlugin } from './types/plugin.js';
export type { DependencyContainer } from './di/tsyringe.js';
export { GAN_COMPONENT, COMPONENT_REGISTRY } from './di/tokens.js';
export { COMPONENT_KINDS, defineComponent } from './registry/component.js';
export type {
  ComponentKind,
  ComponentDefinition,
  AnyComponentDefinition,
  ComponentInstanceMap,
  ComponentContextMap,
  BuildContext,
  TrainerParts,
  PresetConfig,
  Metric,
  MetricContext,
} from './registry/component.js';
export type {
  GanConfig,
  PresetNetworksConfig,
  ResolvedConfig,
  ComponentBlock,
  OptimizerSettings,
  ValueSource,
  Block,
  LossOptionsMap,
  RegularizerOptionsMap,
  HookOptionsMap,
  GeneratorOptionsMap,
  DiscriminatorOptionsMap,
  DataOptionsMap,
  MetricOptionsMap,
  PresetOptionsMap,
  TrainerOptionsMap,
  AugmentOptionsMap,
} from './config/types.js';
export { Rng } from './rng/rng.js';
export type { RngState } from './rng/rng.js';
export { STREAM_NAMES, createRngStreams, rngStreamsState, restoreRngStreams } from './rng/streams.js';
export type { RngStreams, StreamName } from './rng/streams.js';
export {
  GanForgeError,
  ConfigError,
  PluginError,
  CheckpointError,
  TrainingError,
  DataError,
  BackendError,
} from './errors.js';
export type { GanErrorCode, ConfigIssue } from './errors.js';
export { AdversarialTrainer } from './trainer/adversarial-trainer.js';
export { augmentedDiscriminator } from './trainer/augmented-discriminator.js';
export { defaultTrainerComponent, defaultTrainerOptionsSchema } from './trainer/default-trainer-component.js';
export {
  FitOnlyTrainer,
  fitOnlyTrainerComponent,
  fitOnlyTrainerOptionsSchema,
  noneDiscriminator,
  noneDiscriminatorComponent,
} from './fit-only/index.js';
export { PackedLogs, snakeCase } from './trainer/packed-logs.js';
export { globalNorm } from './trainer/tree.js';
export { Gan, FIXED_NOISE_SIZE } from './gan/gan.js';
export { COMPONENT_STATE_GROUP_PREFIX } from './gan/component-state.js';
export type { SampleOptions, MetricContextOptions, GeneratorWeights, GanParts } from './gan/gan.js';
export { emaUpdate, GeneratorEma, EMA_CHECKPOINT_GROUP, standingStatistics } from './ema/index.js';
export type { EmaSettings, StandingStatisticsOptions } from './ema/index.js';
export { createGan } from './gan/create-gan.js';
export type { CreateGanOptions } from './gan/create-gan.js';
export type { CheckpointStore } from './gan/checkpoint-store.js';
export { yieldToEventLoop } from './gan/yield.js';
export { sampleCallback } from './callbacks/sample-callback.js';
export type { SampleCallbackOptions } from './callbacks/sample-callback.js';
export { metricCallback } from './callbacks/metric-callback.js';
export type { MetricCallbackOptions } from './callbacks/metric-callback.js';
export {
  adam,
  ADAM_UPDATE_KERNEL,
  sgd,
  rmsprop,
  optimizerFromSettings,
  optimizerComponents,
  BUILTIN_OPTIMIZERS,
} from './optim/index.js';
export type { AdamOptions, SgdOptions, RmspropOptions } from './optim/index.js';
export {
  installGradientFixes,
  installWasmMatMulFix,
  applyFusedActivation,
  installWasmConvKernels,
  safeNorm,
  safeSqrt,
  logSoftmax,
  conv2dTranspose,
  conv2dInputGradient,
  conv2dFilterGradient,
} from './gradients/index.js';
export type { ConvPad, DimRoundingMode } from './gradients/index.js';
export { selectBackend } from './backend/index.js';
export type { BackendName, BackendChoice, SelectBackendOptions } from './backend/index.js';
export {
  CHECKPOINT_FORMAT_VERSION,
  encodeCheckpoint,
  decodeCheckpoint,
  tensorsFromGroup,
} from './checkpoint/index.js';
export type {
  CheckpointContents,
  DecodedCheckpoint,
  DecodedTensor,
  CheckpointManifest,
} from './checkpoint/index.js';
export { createGanContainer, getRegistry } from './di/create-gan-container.js';
export {
  ComponentRegistry,
  KNOWN_COMPONENTS,
  knownPackageOf,
  corePlugin,
  CORE_PLUGIN_NAME,
} from './registry/index.js';
export type { RegisteredComponent } from './registry/index.js';
export {
  resolveConfig,
  ganConfigSchema,
  emaSchema,
  CORE_DEFAULTS,
  CORE_EMA_DEFAULTS,
  CORE_OPTIMIZER_DEFAULTS,
  parseComponentBlock,
} from './config/index.js';
export { exportGeneratorFiles, loadGenerator, loadGeneratorFromUrl } from './gan/generator-export.js';
export type { GeneratorSpec, LoadedGenerator, ExportGeneratorOptions } from './gan/generator-export.js';
