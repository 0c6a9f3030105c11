export {
  selectBackend,
  type BackendName,
  type BackendChoice,
  type SelectBackendOptions,
} from './select-backend.js';
export { importOptional, type OptionalImport } from './optional-import.js';
