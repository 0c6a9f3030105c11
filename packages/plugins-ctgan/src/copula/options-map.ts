import type { z } from 'zod';
import type { gaussianCopulaOptionsSchema } from './components.js';

declare module '@ganforge/core' {
  interface GeneratorOptionsMap {
    'gaussian-copula': z.input<typeof gaussianCopulaOptionsSchema>;
  }
  interface PresetOptionsMap {
    'gaussian-copula': Record<never, never>;
  }
}
