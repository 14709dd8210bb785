/**
 * `preview` (the server these tests run against) and `start` serve the app cross-origin
 * isolated, which the multi-threaded WASM backend needs, and the page sees it.
 */
import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { modelWorker, tfjsWasmThreads } from './helpers';

const ISOLATION = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

test('preview serves COOP/COEP; the page is cross-origin isolated and its WASM pool fits the cores it sees', async ({ page }) => {
  const response = await page.goto('/?backend=wasm');
  expect(await response?.allHeaders()).toMatchObject(ISOLATION);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const diagnostics = page.getByRole('status', { name: 'Diagnostics' });
  await expect(diagnostics.getByTestId('backend')).toHaveText('wasm');
  // tfjs sizes the pool from the cores the engine's thread sees; without isolation it would be 1.
  const cores = await (await modelWorker(page)).evaluate(() => navigator.hardwareConcurrency);
  await expect(diagnostics).toContainText(new RegExp(`Threads: ${tfjsWasmThreads(cores)}(?!\\d)`));
});

test('npm start serves the same headers', async ({ request }) => {
  const port = 4329;
  const server = spawn('node', ['scripts/start.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: 'pipe' });
  try {
    const url = `http://localhost:${port}/`;
    await expect.poll(async () => (await request.get(url).catch(() => null))?.status(), { timeout: 60_000 }).toBe(200);
    const response = await request.get(url);
    expect(response.headers()).toMatchObject(ISOLATION);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self' blob: 'wasm-unsafe-eval'");
  } finally {
    server.kill('SIGTERM');
  }
});
