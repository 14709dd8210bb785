// `npx vitest run --config bench/vitest.config.ts`: the benchmark's own test (it runs the
// quick benchmark, about two minutes, and needs Chromium), kept out of `npm run test:unit`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
