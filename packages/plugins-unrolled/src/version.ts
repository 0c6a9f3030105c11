/** The version of `@ganforge/plugin-unrolled` (kept equal to package.json; a test checks it). */
export const UNROLLED_VERSION = '1.0.0';
