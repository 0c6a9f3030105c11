import type { RelativisticAverageOptions } from './relativistic-average-loss.js';

// Importing this package makes `loss: { kind: 'relativistic-average', … }` type-checked: core's
// option maps grow by declaration merging (augment '@ganforge/core' itself, never a deep path).
declare module '@ganforge/core' {
  interface LossOptionsMap {
    'relativistic-average': RelativisticAverageOptions;
  }
}
