/**
 * A development build (React's, under the app's StrictMode) mounts every effect twice. The
 * backend must start once per page all the same (app/use-engine.ts): two starts made two
 * model workers, or, with the engine in the page, two backend starts interleaved inside one
 * tfjs (WebGL kernels on WASM). The rest of e2e runs the production build; this spec builds
 * the app for development (as `vite build --mode development` with NODE_ENV=development).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';
import { alertRegion, dropSample, fileStatus, predictions, refuseModuleWorkers, waitForModel } from './helpers';

const OUT = path.resolve('test-results/strict-mode-build');
let server: PreviewServer;
let origin = '';

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const vite = path.resolve('node_modules/vite/bin/vite.js');
  const env = { ...process.env, NODE_ENV: 'development' };
  const built = spawnSync(process.execPath, [vite, 'build', '--mode', 'development', '--outDir', OUT, '--emptyOutDir', '--logLevel', 'warn'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0) throw new Error('the development build failed');
  // React's development build (StrictMode's double effects run only there).
  const assets = path.join(OUT, 'assets');
  const entry = readdirSync(assets).find((f) => /^index-.*\.js$/.test(f));
  expect(entry && readFileSync(path.join(assets, entry), 'utf8')).toContain('runWithFiberInDEV');
  server = await preview({
    configFile: 'vite.config.ts',
    build: { outDir: OUT },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('the preview server has no port');
  origin = `http://127.0.0.1:${address.port}`;
});

test.afterAll(async () => {
  await server?.close();
});

const modelWorkers = (page: Page) => page.workers().filter((w) => w.url().includes('model.worker'));

async function classifies(page: Page) {
  await waitForModel(page);
  await expect(page.getByLabel('Image file')).toBeEnabled();
  await dropSample(page, '/samples/chelsea.png', 'chelsea.png');
  await expect(fileStatus(page, 'chelsea.png')).toHaveText('done');
  await expect(predictions(page)).toHaveCount(5);
  await expect(alertRegion(page)).toBeEmpty();
}

test('in a development build (StrictMode) the page starts one model worker and classifies', async ({ page }) => {
  await page.goto(`${origin}/?backend=wasm&preset=signs`);
  await classifies(page);
  expect(modelWorkers(page)).toHaveLength(1);
});

test('in a development build with the engine in the page, one backend start: WASM classifies', async ({ page }) => {
  await refuseModuleWorkers(page);
  await page.goto(`${origin}/?backend=wasm&preset=signs`);
  await expect(page.getByRole('status', { name: 'Diagnostics' }).getByTestId('host')).toContainText('the page');
  await classifies(page);
  expect(modelWorkers(page)).toHaveLength(0);
});
