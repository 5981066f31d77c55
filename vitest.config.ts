import { defineConfig } from 'vitest/config';

// One runner for every tier: core unit tests, database tests (PGlite, and PostgreSQL when
// DATABASE_URL is set), in-process HTTP tests and browser tests in real Chromium.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
