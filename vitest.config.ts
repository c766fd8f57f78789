import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Module shell code (engine/modules/sh/*.sh) is imported as text, as the bundle's esbuild text loader does.
  plugins: [
    {
      name: 'sh-text',
      enforce: 'pre',
      transform: (code: string, id: string) => (id.endsWith('.sh') ? { code: `export default ${JSON.stringify(code)};`, map: null } : undefined),
    },
  ],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Lab tests start real sshd hosts; two cores do not gain from more workers.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
