import { expect, test, type Page } from '@playwright/test';

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
  await expect(table.getByRole('row', { name: /res2a_branch2a Conv2D/ })).toContainText('(15, 15, 64)');
  await expect(table.getByRole('row', { name: /fc6 Dense/ })).toContainText('12,294');

  // SwiftShader is a software renderer here, so the app runs on WASM and says why.
  const diagnostics = page.getByRole('status', { name: 'Diagnostics' });
  await expect(diagnostics.getByTestId('backend')).toHaveText('wasm');
  await expect(diagnostics).toContainText('software-rendered');
  await expect(diagnostics).toContainText(/Tensors: \d+/);
  await expect(page.getByRole('alert', { includeHidden: true })).toBeEmpty();
  await page.screenshot({ path: 'test-results/summary-1280.png', fullPage: false });
});

test('switching preset and variant updates the totals and the URL', async ({ page }) => {
  await page.goto('/?preset=signs');
  const region = await totals(page);
  await page.getByLabel('Preset').selectOption('imagenet');
  await expect(region.getByTestId('total-params')).toHaveText('25,636,712');
  await page.getByRole('tab', { name: 'Layer table' }).click();
  await expect(page.getByRole('row', { name: /pool1_pad ZeroPadding2D/ })).toContainText('(114, 114, 64)');
  await expect(page).toHaveURL(/preset=imagenet/);

  await page.getByLabel('Preset').selectOption('signs');
  await page.getByLabel(/Stage-5 identity filters as the text reads/).check();
  await expect(region.getByTestId('total-params')).toHaveText('17,958,790');
  await page.reload();
  await expect(region.getByTestId('total-params')).toHaveText('17,958,790');
  await expect(page.getByLabel(/Stage-5 identity filters as the text reads/)).toBeChecked();
});

test('builds correctly on the WebGL backend when asked', async ({ page }) => {
  await page.goto('/?preset=signs&backend=webgl');
  const region = await totals(page);
  await expect(page.getByRole('status', { name: 'Diagnostics' }).getByTestId('backend')).toHaveText('webgl');
  await expect(region.getByTestId('total-params')).toHaveText('23,600,006');
  await expect(region.getByTestId('trainable-params')).toHaveText('23,546,886');
});

test('tensors return to their baseline after switching models', async ({ page }) => {
  await page.goto('/?preset=signs');
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
