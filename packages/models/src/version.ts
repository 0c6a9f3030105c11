/** The version of `@ganforge/models` (kept equal to package.json; a test checks it). */
export const MODELS_VERSION = '1.0.0';
