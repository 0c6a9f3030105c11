/** The version of `@ganforge/data` (kept equal to package.json; a test checks it). */
export const DATA_VERSION = '1.0.0';
