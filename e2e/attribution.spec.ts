import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { alertRegion, canvasHasContent, expectMemory, predictions, settledMemory } from './helpers';

// The SIGNS preset (64 x 64, seeded weights): gradients are fast there; the property under
// test (a map for the chosen class, progress, cancel, bad input) does not need ImageNet.

async function classify(page: Page) {
  await page.goto('/?preset=signs&backend=wasm');
  await expect(page.getByLabel('Model loading')).toHaveCount(0);
  await page.getByLabel('Image file').setInputFiles('public/samples/chelsea.png');
  await expect(predictions(page)).toHaveCount(5);
  return page.getByRole('region', { name: 'Why it decided' });
}

test('Grad-CAM of the top class at the last block, drawn over the input, downloadable as .npy and PNG', async ({ page }) => {
  const panel = await classify(page);
  const top = (await predictions(page).first().textContent()) ?? '';
  const label = /class \d/.exec(top)?.[0] ?? '';
  await expect(panel.getByLabel('Layer')).toHaveValue('res5c_relu');
  await panel.getByRole('button', { name: 'Explain' }).click();
  const map = panel.getByRole('figure', { name: 'Attribution map' });
  await expect(map).toContainText(`Grad-CAM at res5c_relu for “${label}”`);
  await expect(map).toContainText('map 2 × 2');
  await expect.poll(() => canvasHasContent(map.getByRole('img', { name: /over the network's input/ }))).toBe(true);
  await expect(map.getByRole('img', { name: /^Colour scale: clear is 0, bright is/ })).toBeVisible();

  const [npy] = await Promise.all([page.waitForEvent('download'), map.getByRole('button', { name: 'Download .npy' }).click()]);
  expect(npy.suggestedFilename()).toMatch(/^gradcam-res5c_relu-class\d\.npy$/);
  const bytes = await readFile(await npy.path());
  expect(bytes.subarray(1, 6).toString('latin1')).toBe('NUMPY');
  expect(bytes.toString('latin1', 10, 80)).toContain("'shape': (2, 2)");
  expect(bytes.length).toBe(128 + 4 * 4);
  const [png] = await Promise.all([page.waitForEvent('download'), map.getByRole('button', { name: 'Download PNG' }).click()]);
  expect((await readFile(await png.path())).subarray(1, 4).toString('latin1')).toBe('PNG');
});

test('integrated gradients shows its completeness gap; a long run shows progress and can be cancelled, keeping the map', async ({ page }) => {
  const panel = await classify(page);
  await panel.getByRole('radio', { name: 'Integrated gradients' }).check();
  await panel.getByLabel('Steps').fill('8');
  await panel.getByLabel('Baseline').selectOption('blur');
  await panel.getByRole('button', { name: 'Explain' }).click();
  const map = panel.getByRole('figure', { name: 'Attribution map' });
  await expect(map).toContainText('Integrated gradients for');
  await expect(map).toContainText(/Completeness gap \d+(\.\d+)?%/);
  await expect(map.getByRole('img', { name: /blue is evidence against the class/ })).toBeVisible();
  const before = await settledMemory(page);

  await panel.getByLabel('Steps').fill('256');
  await panel.getByRole('button', { name: 'Explain' }).click();
  await expect(panel.getByRole('status')).toContainText(/Working/);
  await expect(panel.getByLabel('Attribution progress')).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByLabel('Attribution progress')).toHaveCount(0);
  // The map made before the cancelled run is still there, no longer dimmed, and no error.
  await expect(map).toContainText('Integrated gradients for');
  await expect(map).not.toHaveAttribute('aria-busy', 'true');
  await expect(alertRegion(page)).toBeEmpty();
  await expectMemory(page, before);
});

test('a class name the model does not know is a plain message; the map shown stays', async ({ page }) => {
  const panel = await classify(page);
  await panel.getByRole('button', { name: 'Explain' }).click();
  const map = panel.getByRole('figure', { name: 'Attribution map' });
  await expect(map).toContainText('Grad-CAM at res5c_relu');
  await panel.getByLabel('Class', { exact: true }).selectOption({ label: 'Another class by name…' });
  await panel.getByLabel('Class name').fill('zebra');
  await panel.getByRole('button', { name: 'Explain' }).click();
  await expect(alertRegion(page)).toContainText('The attribution could not be made');
  await expect(alertRegion(page)).toContainText('zebra');
  await expect(map).toContainText('Grad-CAM at res5c_relu');
  // The engine still works: the same request for a real class name goes through.
  await panel.getByLabel('Class name').fill('class 1');
  await panel.getByRole('radio', { name: 'Saliency' }).check();
  await panel.getByRole('button', { name: 'Explain' }).click();
  await expect(map).toContainText('Saliency for “class 1”');
});
