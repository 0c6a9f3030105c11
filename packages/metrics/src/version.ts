/** The version of `@ganforge/metrics` (kept equal to package.json; a test checks it). */
export const METRICS_VERSION = '1.0.0';
