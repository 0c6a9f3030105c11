import { defineConfig } from 'vitest/config';

// One process runs every workspace's tests. Packages resolve to their TypeScript sources through
// the `@ganforge/source` export condition, so `npm test` needs no build first.
export default defineConfig({
  resolve: { conditions: ['@ganforge/source'] },
  ssr: { resolve: { conditions: ['@ganforge/source'], externalConditions: ['@ganforge/source'] } },
  test: {
    projects: ['packages/*', 'integration'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
