import { expect, test } from '@playwright/test';
import { canvasHasContent, dropSample, fileStatus, predictions, settledMemory, tensorCount, waitForModel } from './helpers';

test('a sample dropped on the page is classified, and its class activation map shows on click', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await waitForModel(page);
  await dropSample(page, '/samples/chelsea.png', 'chelsea.png');
  const items = predictions(page);
  await expect(items).toHaveCount(5);
  await expect(items.first()).toContainText('Egyptian cat');
  await expect(items.first()).toContainText(/\d+(\.\d)?%/);
  await expect(page.getByRole('img', { name: 'chelsea.png as the network sees it' })).toBeVisible();

  await items.first().getByRole('button').click();
  const cam = page.getByRole('img', { name: 'Class activation map for Egyptian cat' });
  await expect(cam).toBeVisible();
  expect(await canvasHasContent(cam)).toBe(true);
  await expect(page.getByRole('alert', { includeHidden: true })).toBeEmpty();
});

test('a file picked with the file input is classified', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await page.getByLabel('Image file').setInputFiles('public/samples/coffee.png');
  // An image chosen before the model is ready runs as soon as it is.
  await expect(predictions(page).first()).toContainText('espresso', { timeout: 90_000 });
  await expect(page.getByRole('status', { name: 'Diagnostics' })).toContainText(/Last inference: \d+ ms/);
});

test('tensors return to their baseline after five images', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await waitForModel(page);
  await dropSample(page, '/samples/coffee.png', 'coffee.png');
  await expect(predictions(page).first()).toContainText('espresso');
  // The readout refreshes twice a second: wait until it shows the settled count (weights
  // plus this image's kept activations), not one from before the activations were stored.
  const baseline = (await settledMemory(page)).numTensors;
  await expect.poll(() => tensorCount(page)).toBe(baseline);
  // Alternate the two samples so that each result is visibly a new one.
  const names = ['chelsea.png', 'coffee.png', 'chelsea.png', 'coffee.png', 'chelsea.png'];
  for (const name of names) {
    await dropSample(page, `/samples/${name}`, name);
    await expect(predictions(page).first()).toContainText(name === 'chelsea.png' ? 'Egyptian cat' : 'espresso');
  }
  await dropSample(page, '/samples/coffee.png', 'coffee.png');
  await expect(predictions(page).first()).toContainText('espresso');
  await expect.poll(() => tensorCount(page)).toBe(baseline);
});

test('classification is right on the WebGL backend too, and a stage opens while the pass runs', async ({ page }) => {
  // Software WebGL compiles its shaders and runs ImageNet for tens of seconds on a slow or busy machine.
  test.setTimeout(480_000);
  const diagnostics = page.getByRole('status', { name: 'Diagnostics' });
  await page.goto('/?backend=webgl');
  // Loading uploads the weights and compiles the warm-up's shaders: on software WebGL, minutes on a busy machine.
  await expect(page.getByLabel('Model loading')).toHaveCount(0, { timeout: 240_000 });
  await expect(diagnostics.getByTestId('backend')).toHaveText('webgl');
  await expect(diagnostics.getByTestId('host')).toContainText('a worker');
  await dropSample(page, '/samples/chelsea.png', 'chelsea.png');
  // On software WebGL one ImageNet pass takes seconds, in the model's worker: the page
  // answers a click meanwhile, and the stage is open before the pass has ended.
  const status = fileStatus(page, 'chelsea.png');
  await expect(status).toHaveText('running…');
  const stage = page.getByRole('button', { name: 'stage 3', exact: true });
  await stage.click();
  await expect(stage).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('button', { name: 'res3a', exact: true })).toBeVisible();
  // No clock: that the pass is still under way once the stage is open is the proof.
  expect(await status.textContent()).toBe('running…');
  await expect(predictions(page).first()).toContainText('Egyptian cat', { timeout: 240_000 });
});
