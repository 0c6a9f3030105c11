import { defineConfig } from 'vitest/config';

// One process runs every workspace's tests. Packages resolve to their TypeScript sources through
// the `@ganforge/source` export condition, so `npm test` needs no build first.
// Tests run several files at once on few cores: one XNNPACK thread each, unless asked otherwise
// (the multi-threaded wasm path has its own test, which sets the count it needs).
process.env.GANFORGE_WASM_THREADS ??= '1';

export default defineConfig({
  resolve: { conditions: ['@ganforge/source'] },
  ssr: { resolve: { conditions: ['@ganforge/source'], externalConditions: ['@ganforge/source'] } },
  test: {
    projects: ['packages/*', 'integration'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
