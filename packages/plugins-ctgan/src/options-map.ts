import type {
  ConditionLossOptions,
  TrainingBySamplingComponentOptions,
  WeightDecayOptions,
} from './components.js';
import type { CtganDiscriminatorOptions, CtganGeneratorOptions } from './network-components.js';

// Importing @ganforge/plugin-ctgan makes these config blocks type-checked (DESIGN.md).
declare module '@ganforge/core' {
  interface GeneratorOptionsMap {
    ctgan: CtganGeneratorOptions;
  }
  interface DiscriminatorOptionsMap {
    ctgan: CtganDiscriminatorOptions;
  }
  interface DataOptionsMap {
    'training-by-sampling': TrainingBySamplingComponentOptions;
  }
  interface RegularizerOptionsMap {
    'condition-cross-entropy': ConditionLossOptions;
    'weight-decay': WeightDecayOptions;
  }
  interface PresetOptionsMap {
    ctgan: Record<never, never>;
  }
}
