/** The version of `@ganforge/plugin-minibatch` (kept equal to package.json; a test checks it). */
export const MINIBATCH_VERSION = '1.0.0';
