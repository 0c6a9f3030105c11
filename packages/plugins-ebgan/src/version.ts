/** The version of `@ganforge/plugin-ebgan` (kept equal to package.json; a test checks it). */
export const EBGAN_VERSION = '1.0.0';
