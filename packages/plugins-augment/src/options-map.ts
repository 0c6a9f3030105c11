import type { AdaOptions, BcrOptions, DiffAugmentOptions } from './options.js';

// Importing @ganforge/plugin-augment makes these config blocks type-checked (DESIGN.md).
declare module '@ganforge/core' {
  interface AugmentOptionsMap {
    'diff-augment': DiffAugmentOptions;
    ada: AdaOptions;
  }
  interface RegularizerOptionsMap {
    bcr: BcrOptions;
  }
}
