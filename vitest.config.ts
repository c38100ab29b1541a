import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // two cores: two workers, no more
    maxWorkers: 2,
    reporters: ['default', './test/plain-summary-reporter.ts'],
  },
});
