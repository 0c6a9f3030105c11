import { defineProject } from 'vitest/config';

// In the GANForge repository, `@ganforge/core` resolves to its TypeScript sources through the
// `@ganforge/source` export condition (no build needed). The repository's publishing test runs
// these same tests without it, against @ganforge/core installed from its packed tarball.
export default defineProject({
  resolve: { conditions: ['@ganforge/source'] },
  ssr: { resolve: { conditions: ['@ganforge/source'], externalConditions: ['@ganforge/source'] } },
  test: { name: 'third-party-plugin', environment: 'node', testTimeout: 60_000 },
});
