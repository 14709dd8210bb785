/**
 * `preview` (the server these tests run against) and `start` serve the app cross-origin
 * isolated, which the two-thread WASM backend needs, and the page sees it.
 */
import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';

const ISOLATION = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

test('preview serves COOP/COEP; the page is cross-origin isolated and runs two WASM threads', async ({ page }) => {
  const response = await page.goto('/');
  expect(await response?.allHeaders()).toMatchObject(ISOLATION);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByRole('status', { name: 'Diagnostics' })).toContainText('Threads: 2');
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
