import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Lab tests start real sshd hosts; two cores do not gain from more workers.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
