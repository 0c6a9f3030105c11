export type {
  Block,
  ComponentBlock,
  DataOptionsMap,
  DiscriminatorOptionsMap,
  GanConfig,
  PresetNetworksConfig,
  GeneratorOptionsMap,
  HookOptionsMap,
  LossOptionsMap,
  MetricOptionsMap,
  OptimizerSettings,
  PresetOptionsMap,
  RegularizerOptionsMap,
  ResolvedConfig,
  TrainerOptionsMap,
  AugmentOptionsMap,
  ValueSource,
} from './types.js';
export {
  BACKEND_NAMES,
  MAX_SEED,
  componentBlockSchema,
  emaSchema,
  ganConfigSchema,
  metricBlockSchema,
  optimizerSettingsSchema,
  optimizersSchema,
  presetConfigSchema,
  trainerBlockSchema,
  type GanConfigInput,
} from './schema.js';
export { CORE_DEFAULTS, CORE_EMA_DEFAULTS, CORE_OPTIMIZER_DEFAULTS } from './core-defaults.js';
export { resolveConfig } from './resolve-config.js';
export {
  parseComponentBlock,
  safeParseComponentBlock,
  type ParseBlockOptions,
  type ParseBlockResult,
  type ParsedComponentBlock,
} from './parse-component-block.js';
export { configErrorFromIssues, formatZodIssues, type IssueContext, type ZodIssue } from './format-issues.js';
export { describeValue } from './describe-value.js';
export { formatPath } from './issue-path.js';
