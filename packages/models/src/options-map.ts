import type { SpectralNormBlockOptions } from './components.js';
import type { DcganDiscriminatorOptions, DcganGeneratorOptions } from './networks/dcgan.js';
import type { MlpDiscriminatorOptions, MlpGeneratorOptions } from './networks/mlp.js';
import type { RnnDiscriminatorOptions, RnnGeneratorOptions } from './networks/recurrent-options.js';

// Importing @ganforge/models makes these config blocks type-checked (DESIGN.md: declaration merging).
declare module '@ganforge/core' {
  interface GeneratorOptionsMap {
    mlp: MlpGeneratorOptions;
    dcgan: DcganGeneratorOptions;
    rnn: RnnGeneratorOptions;
    'spectral-norm': SpectralNormBlockOptions;
  }
  interface DiscriminatorOptionsMap {
    mlp: MlpDiscriminatorOptions;
    dcgan: DcganDiscriminatorOptions;
    rnn: RnnDiscriminatorOptions;
    'spectral-norm': SpectralNormBlockOptions;
  }
  interface PresetOptionsMap {
    sngan: Record<never, never>;
  }
}
