import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['engine/**/*.test.ts', 'api/**/*.test.ts', 'seed/**/*.test.ts', 'scripts/**/*.test.ts', 'viewer/**/*.test.ts'],
    // One real Neo4j serves every test file; files run one after another against it.
    globalSetup: ['scripts/test/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
