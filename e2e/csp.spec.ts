/**
 * The Content-Security-Policy is served with the app (build/headers.ts through `vite
 * preview`), so every end-to-end test runs under it. This one checks the header itself and
 * that classifying an image (WASM with its worker threads) violates nothing.
 */
import { expect, test } from '@playwright/test';
import { alertRegion, dropSample, predictions, waitForModel } from './helpers';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

test('the page is served with a strict CSP and classifying an image violates none of it', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  const messages: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) messages.push(m.text()); });

  const response = await page.goto('/?backend=wasm');
  const policy = (await response?.allHeaders())?.['content-security-policy'] ?? '';
  const csp = directives(policy);
  expect(csp.get('script-src')).toEqual(["'self'", 'blob:', "'wasm-unsafe-eval'"]);
  expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(policy).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
  expect(await page.locator('script:not([src])').count(), 'inline scripts').toBe(0);

  await waitForModel(page);
  await expect(page.getByRole('status', { name: 'Diagnostics' }).getByTestId('backend')).toHaveText('wasm');
  await dropSample(page, '/samples/chelsea.png', 'chelsea.png');
  await expect(predictions(page).first()).toContainText('Egyptian cat');
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  expect(messages).toEqual([]);
  await expect(alertRegion(page)).toBeEmpty();
});
