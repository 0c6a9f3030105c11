/** The version of `@ganforge/plugin-cgan` (kept equal to package.json; a test checks it). */
export const CGAN_VERSION = '1.0.0';
