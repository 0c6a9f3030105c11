import { defineProject } from 'vitest/config';

// Resolve @ganforge/* to their TypeScript sources (no build needed); vitest 4 runs node tests
// in the SSR environment, which needs the condition too.
export default defineProject({
  resolve: { conditions: ['@ganforge/source'] },
  ssr: { resolve: { conditions: ['@ganforge/source'], externalConditions: ['@ganforge/source'] } },
  test: { name: 'plugin-ctgan', environment: 'node', testTimeout: 120_000, hookTimeout: 120_000 },
});
