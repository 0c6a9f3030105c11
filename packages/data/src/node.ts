/**
 * `@ganforge/data/node`: the Node-only part of @ganforge/data: the file-backed sources (`mnist`
 * from the `mnist` package, `idx`, `csv`, `windows`, `image-folder`, `table`) and the export
 * writers (CSV, PNG). Its `dataPlugin()` registers all ten data components (these and the browser entry's
 * in-memory ones) under the name `@ganforge/data`; import everything else from `@ganforge/data`.
 * @packageDocumentation
 */
import './options-map.js';
import './node/options-map.js';

export { readDataFile, readMaybeGzipped } from './node/read-file.js';
export { readIdxFile, readIdxDataset, idx, idxOptionsSchema, idxComponent } from './node/idx-source.js';
export type { IdxOptions } from './node/idx-source.js';
export {
  loadMnistDigits,
  mnist,
  mnistOptionsSchema,
  mnistComponent,
  MNIST_PACKAGE_SIZE,
} from './node/mnist-source.js';
export type { MnistOptions, MnistSource } from './node/mnist-source.js';
export { readNumericCsv } from './node/read-csv.js';
export type { ReadCsvOptions } from './node/read-csv.js';
export {
  csv,
  csvOptionsSchema,
  csvComponent,
  windows,
  windowsOptionsSchema,
  windowsComponent,
  writeNormalization,
  readNormalization,
} from './node/csv-sources.js';
export type { CsvOptions, WindowsOptions } from './node/csv-sources.js';
export {
  readImageFolder,
  imageFolder,
  imageFolderOptionsSchema,
  imageFolderComponent,
} from './node/image-folder.js';
export type {
  ImageFolderOptions,
  ImageFolderDataset,
  ImageFolderSourceOptions,
} from './node/image-folder.js';
export { readCsvCells } from './node/read-table-csv.js';
export type { CsvCells } from './node/read-table-csv.js';
export { table, tableOptionsSchema, tableComponent } from './node/table-component.js';
export type { TableOptions } from './node/table-component.js';
export { exportCsv, exportPngs } from './node/export-samples.js';
export type { ExportCsvOptions, ExportPngOptions } from './node/export-samples.js';
export { dataPlugin, nodeDataComponents } from './node/node-plugin.js';
