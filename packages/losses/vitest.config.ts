import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@ganforge/source'] },
  test: { name: 'losses', environment: 'node' },
});
