// Compile-time test (run by `tsc -p tsconfig.json`, and by the publishing test against the packed
// tarballs): importing the plugin makes its loss options type-checked through declaration merging.
import type { GanConfig } from '@ganforge/core';
import '@ganforge/core/testing'; // its tiny components augment the data and network maps
import './index.js';

/** A config using the plugin's loss: compiles. */
export const relativisticConfig: GanConfig = {
  data: { kind: 'testing-mixture-1d', means: [-2, 2], std: 0.1 },
  generator: { kind: 'tiny-mlp' },
  discriminator: { kind: 'tiny-mlp' },
  loss: { kind: 'relativistic-average', variant: 'least-squares' },
};

/** A wrongly typed option: the compiler rejects it (the directive fails if it did not). */
export const wrongVariant: GanConfig = {
  data: { kind: 'testing-mixture-1d', means: [-2, 2], std: 0.1 },
  generator: { kind: 'tiny-mlp' },
  discriminator: { kind: 'tiny-mlp' },
  // @ts-expect-error 'wasserstein' is not a relativistic-average variant
  loss: { kind: 'relativistic-average', variant: 'wasserstein' },
};
