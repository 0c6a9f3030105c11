import type { EbganDiscriminatorOptions } from './ebgan-discriminator.js';
import type { EbganLossOptions } from './ebgan-loss.js';
import type { PullingAwayOptions } from './pulling-away.js';

// Importing @ganforge/plugin-ebgan makes these config blocks type-checked (DESIGN.md: declaration merging).
declare module '@ganforge/core' {
  interface DiscriminatorOptionsMap {
    ebgan: EbganDiscriminatorOptions;
  }
  interface LossOptionsMap {
    ebgan: EbganLossOptions;
  }
  interface RegularizerOptionsMap {
    'pulling-away': PullingAwayOptions;
  }
}
