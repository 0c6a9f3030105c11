import type { UnrolledTrainerOptions } from './unrolled-trainer-component.js';

// Importing @ganforge/plugin-unrolled makes the trainer block type-checked (DESIGN.md: declaration merging).
declare module '@ganforge/core' {
  interface TrainerOptionsMap {
    unrolled: UnrolledTrainerOptions;
  }
}
