import type { CsvOptions, WindowsOptions } from './csv-sources.js';
import type { IdxOptions } from './idx-source.js';
import type { ImageFolderSourceOptions } from './image-folder.js';
import type { MnistOptions } from './mnist-source.js';
import type { TableOptions } from './table-component.js';

// Importing @ganforge/data/node makes the file-backed sources' config blocks type-checked.
declare module '@ganforge/core' {
  interface DataOptionsMap {
    mnist: MnistOptions;
    idx: IdxOptions;
    csv: CsvOptions;
    windows: WindowsOptions;
    'image-folder': ImageFolderSourceOptions;
    table: TableOptions;
  }
}
