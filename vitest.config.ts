import { defineConfig } from 'vitest/config';

/**
 * Unit tests run in Node. Tests that load Pyodide (the runtime and the corpus) take seconds to
 * start, so they get their own project with generous timeouts; the pure ones stay strict.
 */
const slow = ['src/runtime/**/*.test.ts', 'tests/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: slow,
        },
      },
      {
        extends: true,
        test: {
          name: 'pyodide',
          include: slow,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
