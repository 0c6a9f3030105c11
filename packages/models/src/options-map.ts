import type { SpectralNormBlockOptions } from './components.js';
import type { DcganDiscriminatorOptions, DcganGeneratorOptions } from './networks/dcgan.js';
import type { MlpDiscriminatorOptions, MlpGeneratorOptions } from './networks/mlp.js';

// Importing @ganforge/models makes these config blocks type-checked (DESIGN.md: declaration merging).
declare module '@ganforge/core' {
  interface GeneratorOptionsMap {
    mlp: MlpGeneratorOptions;
    dcgan: DcganGeneratorOptions;
    'spectral-norm': SpectralNormBlockOptions;
  }
  interface DiscriminatorOptionsMap {
    mlp: MlpDiscriminatorOptions;
    dcgan: DcganDiscriminatorOptions;
    'spectral-norm': SpectralNormBlockOptions;
  }
  interface PresetOptionsMap {
    sngan: Record<never, never>;
  }
}
