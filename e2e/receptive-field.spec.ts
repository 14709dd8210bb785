import { expect, test } from '@playwright/test';
import { canvasHasContent, dropSample, predictions, waitForModel } from './helpers';

// Facts from the architecture (Keras layout, 224 input): res2c's final ReLU sees 35 x 35
// input pixels, units 4 pixels apart, the first field starting 17 pixels before the image.

test('a unit picked on a channel map outlines the input region it can see', async ({ page }) => {
  await page.goto('/?backend=wasm&layer=res2c_relu&channel=1');
  await waitForModel(page);
  await dropSample(page, '/samples/chelsea.png', 'chelsea.png');
  await expect(predictions(page).first()).toContainText('Egyptian cat');
  const inspector = page.getByRole('region', { name: 'Layer inspector' });
  const field = inspector.getByRole('figure', { name: 'Receptive field' });
  await expect(field).toContainText('Receptive field 35 × 35 pixels, jump 4');
  await expect(field).toContainText('offset 17');
  await expect(field).toContainText('Pick a unit on the map');

  // The keyboard: the arrows walk the units from the top-left one.
  const map = inspector.getByLabel(/^Channel 1 feature map, 56 by 56/);
  await map.focus();
  for (let i = 0; i < 10; i += 1) {
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
  }
  // Unit (10, 10) from 0: input 10 * 4 - 17 = 23 to 23 + 34 = 57, i.e. 24-58 counting from 1.
  await expect(field).toContainText('The unit at row 11, column 11 sees input rows 24–58, columns 24–58 (35 × 35 pixels).');
  const input = field.getByRole('img', { name: /network's 224 × 224 input, with the unit’s field outlined/ });
  const box = field.locator('.insp-field-box');
  const [image, outline] = await Promise.all([input.boundingBox(), box.boundingBox()]);
  if (!image || !outline) throw new Error('the input or its outline is not laid out');
  const scale = image.width / 224;
  expect(outline.x - image.x).toBeCloseTo(23 * scale, 0);
  expect(outline.width).toBeCloseTo(35 * scale, 0);

  // The mouse: a click pins the top-left unit, whose field is mostly padding.
  const mapBox = await map.boundingBox();
  if (!mapBox) throw new Error('the channel map is not laid out');
  await page.mouse.click(mapBox.x + 2, mapBox.y + 2);
  await page.mouse.move(mapBox.x + mapBox.width + 50, mapBox.y + 10);
  await expect(field).toContainText('The unit at row 1, column 1 sees input rows 1–18, columns 1–18 (18 × 18 pixels; the rest of its 35 × 35 field falls on the padding');
});

test('the layer table lists every layer’s receptive field, jump and offset', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await page.getByRole('tab', { name: 'Layer table' }).click();
  const table = page.getByRole('table');
  const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(row('conv1')).toContainText('7×7');
  await expect(row('res5c_relu').getByRole('cell').filter({ hasText: /^483×483$/ })).toHaveCount(1);
  await expect(row('res5c_relu').getByRole('cell').filter({ hasText: /^32$/ })).toHaveCount(1);
  await expect(row('res5c_relu').getByRole('cell').filter({ hasText: /^241$/ })).toHaveCount(1);
  await expect(table.getByRole('columnheader', { name: 'Receptive field' })).toBeVisible();
});

test('the effective field of a picked unit: its gradient over the input, much smaller than the theoretical field', async ({ page }) => {
  await page.goto('/?preset=signs&backend=wasm&layer=res3d_relu&channel=1');
  await expect(page.getByLabel('Model loading')).toHaveCount(0);
  await page.getByLabel('Image file').setInputFiles('public/samples/chelsea.png');
  await expect(predictions(page)).toHaveCount(5);
  const field = page.getByRole('region', { name: 'Layer inspector' }).getByRole('figure', { name: 'Receptive field' });
  // SIGNS, res3d: 99 x 99 pixels, jump 8, on an 8 x 8 map; unit (4, 4) sees the whole 64 x 64 input.
  await expect(field).toContainText('Receptive field 99 × 99 pixels, jump 8');
  await page.getByLabel(/^Channel 1 feature map, 8 by 8/).focus();
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
  }
  await expect(field).toContainText('The unit at row 5, column 5');
  await field.getByRole('button', { name: 'Show the effective field' }).click();
  const text = field.getByText(/^Effective field:/);
  await expect(text).toBeVisible();
  const [, half, ninety, size] = /within a (\d+) × \1 square, 90% within (\d+) × \2, of the (\d+) × \3/.exec((await text.textContent()) ?? '') ?? [];
  expect(Number(size)).toBe(99);
  expect(Number(half)).toBeGreaterThan(0);
  expect(Number(half)).toBeLessThanOrEqual(Number(ninety));
  expect(Number(ninety)).toBeLessThanOrEqual(64);
  await expect.poll(() => canvasHasContent(field.getByRole('img', { name: "The unit's effective receptive field over the input" }))).toBe(true);
  // Another unit: the field shown is no longer its own, so it is not drawn.
  await page.getByLabel(/^Channel 1 feature map, 8 by 8/).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(field).toContainText('The unit at row 5, column 4');
  await expect(field.getByRole('img', { name: "The unit's effective receptive field over the input" })).toHaveCount(0);
});
