/**
 * Every kind of file a teaching site gets (issue cases 1-5, 7, 8): a message in plain words
 * in the alert, the previous image, predictions and inspector kept, no tensor left behind,
 * and the next good image still works.
 */
import { expect, test, type Page } from '@playwright/test';
import { badFiles } from './fixtures';
import { alertRegion, dropSample, expectMemory, fileStatus, predictions, settledMemory, waitForModel } from './helpers';

/** Records CSP violations and whether any SVG script ran, from before the app starts. */
async function watchPage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

test('bad files are refused in plain words; the previous image, predictions and inspector stay', async ({ page }) => {
  await watchPage(page);
  await page.goto('/?backend=wasm&layer=res2a_branch2a');
  await waitForModel(page);
  await dropSample(page, '/samples/chelsea.png', 'chelsea.png');
  await expect(predictions(page).first()).toContainText('Egyptian cat');
  const inspector = page.getByRole('region', { name: 'Layer inspector' });
  await expect(inspector.getByRole('heading', { name: 'res2a_branch2a' })).toBeVisible();
  await expect(inspector).toContainText('(56, 56, 64)');
  const shown = await predictions(page).allTextContents();
  const baseline = await settledMemory(page);

  for (const { file, says } of badFiles()) {
    await page.getByLabel('Image file').setInputFiles(file);
    await expect(alertRegion(page), file.name).toContainText(`${file.name}: `);
    await expect(alertRegion(page), file.name).toContainText(says);
    await expect(fileStatus(page, file.name)).toHaveText('failed');
    expect(await predictions(page).allTextContents(), file.name).toEqual(shown);
    await expect(page.getByRole('img', { name: 'Original: chelsea.png' })).toBeVisible();
    await expect(inspector.getByRole('heading', { name: 'res2a_branch2a' })).toBeVisible();
    await expect(inspector).toContainText('(56, 56, 64)');
    await expectMemory(page, baseline);
  }

  // The SVG was refused from its bytes: its script never ran and nothing of it reached the page.
  expect(await page.evaluate(() => (window as unknown as { __svgRan?: string }).__svgRan)).toBeUndefined();
  expect(await page.locator('svg script, svg[onload]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);

  await dropSample(page, '/samples/coffee.png', 'coffee.png');
  await expect(predictions(page).first()).toContainText('espresso');
  await expect(alertRegion(page)).toBeEmpty();
  await expectMemory(page, baseline);
});

test('a text file renamed .jpg dropped on the zone says so; dropping nothing says what to drop', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await waitForModel(page);
  await page.evaluate(() => {
    const zone = document.querySelector('[data-testid="drop-zone"]');
    const data = new DataTransfer();
    data.items.add(new File(['just words'], 'holiday.jpg', { type: 'image/jpeg' }));
    zone?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(alertRegion(page)).toContainText('holiday.jpg: This file is not an image (it looks like text).');
  await page.evaluate(() => {
    const zone = document.querySelector('[data-testid="drop-zone"]');
    zone?.dispatchEvent(new DragEvent('drop', { dataTransfer: new DataTransfer(), bubbles: true, cancelable: true }));
  });
  await expect(alertRegion(page)).toContainText('Nothing to classify was dropped');
});
