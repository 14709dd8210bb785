import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './build/chromium.ts';
import { TEST_SEAM } from './src/client/test-seam.ts';

// Debian's Chromium (apt-get install chromium); point CHROMIUM_PATH elsewhere if needed.
const port = Number(process.env.E2E_PORT ?? 4317);
const baseURL = `http://127.0.0.1:${port}`;
// E2E_OUTDIR serves a build of your own (`npx vite build --outDir it`) instead of dist/.
const outDir = process.env.E2E_OUTDIR ? ` --outDir ${JSON.stringify(process.env.E2E_OUTDIR)}` : '';

// Machines this one is not, through the app's test seam (src/client/test-seam.ts):
// E2E_RENDERER="ANGLE (NVIDIA, ...)" reports that WebGL renderer to the backend chooser,
// E2E_CORES=8 makes the engine see 8 cores (tfjs then runs a 4-thread WASM pool).
const seam = ([[TEST_SEAM.renderer, process.env.E2E_RENDERER], [TEST_SEAM.cores, process.env.E2E_CORES]] as const)
  .flatMap(([name, value]) => (value ? [{ name, value }] : []));

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 120_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL,
    storageState: { cookies: [], origins: seam.length ? [{ origin: baseURL, localStorage: seam }] : [] },
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort${outDir}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
