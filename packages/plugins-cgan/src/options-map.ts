import type { ConditionalDiscriminatorOptions, ConditionalGeneratorOptions } from './components.js';

// Importing @ganforge/plugin-cgan makes these config blocks type-checked (DESIGN.md: declaration merging).
declare module '@ganforge/core' {
  interface GeneratorOptionsMap {
    conditional: ConditionalGeneratorOptions;
  }
  interface DiscriminatorOptionsMap {
    conditional: ConditionalDiscriminatorOptions;
  }
}
