import type { GridOptions } from './mixture/grid.js';
import type { Mixture1dOptions } from './mixture/mixture-1d.js';
import type { RingOptions } from './mixture/ring.js';
import type { SpiralOptions } from './mixture/spiral.js';

// Importing @ganforge/data makes these config blocks type-checked (DESIGN.md: declaration merging).
declare module '@ganforge/core' {
  interface DataOptionsMap {
    ring: RingOptions;
    grid: GridOptions;
    spiral: SpiralOptions;
    'mixture-1d': Mixture1dOptions;
  }
}
