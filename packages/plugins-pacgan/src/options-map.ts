import type { PacganOptions } from './components.js';

// Importing @ganforge/plugin-pacgan makes this config block type-checked (DESIGN.md).
declare module '@ganforge/core' {
  interface DiscriminatorOptionsMap {
    pacgan: PacganOptions;
  }
}
