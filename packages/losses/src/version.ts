/** The version of `@ganforge/losses` (kept equal to package.json; a test checks it). */
export const LOSSES_VERSION = '1.0.0';
