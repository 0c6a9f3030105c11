import type { ComponentKind } from './component.js';

/** How messages name several components of one kind ("Registered regularizers: r1."). */
export const KIND_PLURALS: Readonly<Record<ComponentKind, string>> = {
  loss: 'losses',
  regularizer: 'regularizers',
  hook: 'hooks',
  preset: 'presets',
  generator: 'generators',
  discriminator: 'discriminators',
  optimizer: 'optimizers',
  trainer: 'trainers',
  data: 'data sources',
  metric: 'metrics',
  callback: 'callbacks',
  augment: 'augmentations',
};
