import type { OptimizerSettings } from '../config/types.js';
import { ConfigError } from '../errors.js';
import type { Optimizer } from '../types/optimizer.js';
import { adam } from './adam.js';
import { rmsprop } from './rmsprop.js';
import { sgd } from './sgd.js';

/** The optimizer kinds core builds itself (plugins may register more through the registry). */
export const BUILTIN_OPTIMIZERS = ['adam', 'sgd', 'rmsprop'] as const;

/**
 * Builds a core optimizer from resolved {@link OptimizerSettings}:
 * `adam` uses lr, beta1, beta2, epsilon; `sgd` uses lr, momentum; `rmsprop` uses lr, rho,
 * momentum, epsilon. The other fields are ignored. Throws a {@link ConfigError} for another kind.
 */
export function optimizerFromSettings(settings: OptimizerSettings): Optimizer {
  const { kind, lr, beta1, beta2, epsilon, momentum, rho } = settings;
  switch (kind) {
    case 'adam':
      return adam({ lr, beta1, beta2, epsilon });
    case 'sgd':
      return sgd({ lr, momentum });
    case 'rmsprop':
      return rmsprop({ lr, rho, momentum, epsilon });
    default:
      throw new ConfigError(
        `unknown optimizer kind '${kind}': core provides ${BUILTIN_OPTIMIZERS.map((k) => `'${k}'`).join(', ')}` +
          ` (an optimizer registered by a plugin is built through the component registry)`,
        'kind',
      );
  }
}
