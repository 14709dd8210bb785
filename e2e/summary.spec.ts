import { expect, test, type Page } from '@playwright/test';
import { planBackends } from '../src/client/backend-policy';
import { pageRenderer, RENDERERS, reportRenderer } from './helpers';

async function totals(page: Page) {
  const region = page.getByRole('region', { name: 'Model totals' });
  await expect(region).toBeVisible();
  return region;
}

test('shows the assignment model built live, with its totals', async ({ page }) => {
  await page.goto('/?preset=signs');
  await expect(page.getByRole('heading', { name: 'ResNet50 Explorer' })).toBeVisible();
  const region = await totals(page);
  await expect(region.getByTestId('total-params')).toHaveText('23,600,006');
  await expect(region.getByTestId('trainable-params')).toHaveText('23,546,886');
  await expect(region.getByTestId('non-trainable-params')).toHaveText('53,120');
  await page.getByRole('tab', { name: 'Layer table' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: /res2a_branch2a Conv2D/ })).toContainText('(None, 15, 15, 64)');
  await expect(table.getByRole('row', { name: /fc6 Dense/ })).toContainText('12,294');
  await expect(table.getByRole('row', { name: /fc6 Dense/ })).toContainText('(None, 6)');

  // The chooser's pick for this machine's renderer, whatever it is, and why.
  const renderer = await pageRenderer(page);
  const plan = planBackends({ available: renderer !== null, renderer }, null);
  const diagnostics = page.getByRole('status', { name: 'Diagnostics' });
  await expect(diagnostics.getByTestId('backend')).toHaveText(plan.order[0]);
  await expect(diagnostics).toContainText(plan.reason);
  await expect(diagnostics).toContainText(/Tensors: \d+/);
  await expect(page.getByRole('alert', { includeHidden: true })).toBeEmpty();
  await page.screenshot({ path: 'test-results/summary-1280.png', fullPage: false });
});

for (const [kind, backend, why] of [['software', 'wasm', 'software-rendered'], ['hardware', 'webgl', 'hardware-accelerated']] as const) {
  test(`a ${kind} WebGL renderer: the page runs on ${backend} and says why`, async ({ page }) => {
    await reportRenderer(page, RENDERERS[kind]);
    await page.goto('/?preset=signs');
    await totals(page);
    const diagnostics = page.getByRole('status', { name: 'Diagnostics' });
    await expect(diagnostics.getByTestId('backend')).toHaveText(backend);
    await expect(diagnostics).toContainText(`WebGL is ${why}`);
  });
}

test('switching preset and variant updates the totals and the URL', async ({ page }) => {
  await page.goto('/?backend=wasm&preset=signs');
  const region = await totals(page);
  await page.getByLabel('Preset').selectOption('imagenet');
  await expect(region.getByTestId('total-params')).toHaveText('25,636,712');
  await page.getByRole('tab', { name: 'Layer table' }).click();
  await expect(page.getByRole('row', { name: /pool1_pad ZeroPadding2D/ })).toContainText('(None, 114, 114, 64)');
  // The tint colours graph nodes: the table has none, so it offers none.
  await expect(page.getByLabel('Tint')).toHaveCount(0);
  await expect(page).toHaveURL(/preset=imagenet/);

  await page.getByLabel('Preset').selectOption('signs');
  await page.getByLabel(/Literal stage 5/).check();
  await expect(region.getByTestId('total-params')).toHaveText('17,958,790');
  await page.reload();
  await expect(region.getByTestId('total-params')).toHaveText('17,958,790');
  await expect(page.getByLabel(/Literal stage 5/)).toBeChecked();
});

test('builds correctly on the WebGL backend when asked', async ({ page }) => {
  await page.goto('/?preset=signs&backend=webgl');
  const region = await totals(page);
  await expect(page.getByRole('status', { name: 'Diagnostics' }).getByTestId('backend')).toHaveText('webgl');
  await expect(region.getByTestId('total-params')).toHaveText('23,600,006');
  await expect(region.getByTestId('trainable-params')).toHaveText('23,546,886');
});

test('tensors return to their baseline after switching models', async ({ page }) => {
  await page.goto('/?backend=wasm&preset=signs');
  const region = await totals(page);
  const diagnostics = page.getByRole('status', { name: 'Diagnostics' });
  await expect(region.getByTestId('total-params')).toHaveText('23,600,006');
  await expect(diagnostics).toContainText(/Tensors: [1-9]\d*/);
  const baseline = await diagnostics.textContent();
  await page.getByLabel('Preset').selectOption('imagenet');
  await expect(region.getByTestId('total-params')).toHaveText('25,636,712');
  await page.getByLabel('Preset').selectOption('signs');
  await expect(region.getByTestId('total-params')).toHaveText('23,600,006');
  const count = (baseline ?? '').match(/Tensors: (\d+)/)?.[1];
  await expect(diagnostics).toContainText(`Tensors: ${count}`);
});
