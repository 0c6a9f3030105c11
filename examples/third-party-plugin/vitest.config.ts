import { defineProject } from 'vitest/config';

// A third-party plugin tests against the published @ganforge/core: no source condition here, so
// `@ganforge/core` resolves to its built `dist/` (build it first, or install the packed tarballs).
export default defineProject({
  test: { name: 'third-party-plugin', environment: 'node', testTimeout: 60_000 },
});
