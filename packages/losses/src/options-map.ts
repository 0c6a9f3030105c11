import type { HingeOptions } from './hinge.js';
import type { LecamOptions } from './lecam.js';
import type { LeastSquaresLossOptions } from './least-squares.js';
import type { MinimaxOptions } from './minimax.js';
import type { NonSaturatingOptions } from './non-saturating.js';
import type { R1Options } from './r1.js';
import type { WassersteinOptions } from './wasserstein.js';

// Importing @ganforge/losses makes these config blocks type-checked (DESIGN.md: declaration merging).
declare module '@ganforge/core' {
  interface LossOptionsMap {
    minimax: MinimaxOptions;
    'non-saturating': NonSaturatingOptions;
    'least-squares': LeastSquaresLossOptions;
    hinge: HingeOptions;
    wasserstein: WassersteinOptions;
  }
  interface RegularizerOptionsMap {
    r1: R1Options;
    lecam: LecamOptions;
  }
}
