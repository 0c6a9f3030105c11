import type { MinibatchDiscriminationOptions, MinibatchStddevOptions } from './components.js';

// Importing @ganforge/plugin-minibatch makes these config blocks type-checked (DESIGN.md).
declare module '@ganforge/core' {
  interface DiscriminatorOptionsMap {
    'minibatch-discrimination': MinibatchDiscriminationOptions;
    'minibatch-stddev': MinibatchStddevOptions;
  }
}
