/** The version of `@ganforge/plugin-augment` (kept equal to package.json; a test checks it). */
export const AUGMENT_VERSION = '1.0.0';
