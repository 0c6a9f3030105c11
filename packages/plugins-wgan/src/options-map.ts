import type { GradientPenaltyOptions } from './gradient-penalty-regularizer.js';
import type { WeightClippingOptions } from './weight-clipping.js';

// Importing @ganforge/plugin-wgan makes these config blocks type-checked (DESIGN.md: declaration merging).
declare module '@ganforge/core' {
  interface RegularizerOptionsMap {
    'gradient-penalty': GradientPenaltyOptions;
  }
  interface HookOptionsMap {
    'weight-clipping': WeightClippingOptions;
  }
  interface PresetOptionsMap {
    wgan: Record<never, never>;
    'wgan-gp': Record<never, never>;
  }
}
