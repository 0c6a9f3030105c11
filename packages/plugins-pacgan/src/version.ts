/** The version of `@ganforge/plugin-pacgan` (kept equal to package.json; a test checks it). */
export const PACGAN_VERSION = '1.0.0';
