/** The version of `@ganforge/plugin-wgan` (kept equal to package.json; a test checks it). */
export const WGAN_VERSION = '1.0.0';
