/** The version of `@ganforge/plugin-ctgan` (kept equal to package.json; a test checks it). */
export const CTGAN_VERSION = '1.0.0';
