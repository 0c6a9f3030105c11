import { GAN_COMPONENT, type AnyComponentDefinition, type GanPlugin } from '@ganforge/core';
import { browserDataComponents } from '../plugin.js';
import { DATA_VERSION } from '../version.js';
import { csvComponent, windowsComponent } from './csv-sources.js';
import { idxComponent } from './idx-source.js';
import { imageFolderComponent } from './image-folder.js';
import { mnistComponent } from './mnist-source.js';
import { tableComponent } from './table-component.js';

/** Every data component: the browser-safe ones and `mnist`, `idx`, `csv`, `windows`, `image-folder`, `table`. */
export function nodeDataComponents(): AnyComponentDefinition[] {
  return [
    ...browserDataComponents(),
    mnistComponent,
    idxComponent,
    csvComponent,
    windowsComponent,
    imageFolderComponent,
    tableComponent,
  ];
}

/**
 * The @ganforge/data plugin for Node: registers all data components of DESIGN.md (`ring`, `grid`,
 * `spiral`, `mixture-1d`, `mnist`, `idx`, `csv`, `windows`, `image-folder`, `table`). It has the same name
 * as the browser entry's `dataPlugin()`, so list one or the other.
 */
export function dataPlugin(): GanPlugin {
  return {
    name: '@ganforge/data',
    version: DATA_VERSION,
    register(container) {
      for (const definition of nodeDataComponents())
        container.register(GAN_COMPONENT, { useValue: definition });
    },
  };
}
