/**
 * ganforge-plugin-relativistic: the relativistic average GAN loss (Jolicoeur-Martineau 2018,
 * arXiv:1807.00734) as a GANForge plugin, written only against `@ganforge/core`'s published API.
 * @packageDocumentation
 */
import './options-map.js';

export {
  relativisticDifferences,
  relativisticAverageDiscriminatorLoss,
  relativisticAverageGeneratorLoss,
  relativisticAccuracy,
} from './relativistic-average.js';
export type { RelativisticVariant } from './relativistic-average.js';
export {
  relativisticAverageLoss,
  relativisticAverageOptionsSchema,
  relativisticAverageComponent,
} from './relativistic-average-loss.js';
export type { RelativisticAverageOptions } from './relativistic-average-loss.js';
export { relativisticPlugin, RELATIVISTIC_PLUGIN } from './plugin.js';
