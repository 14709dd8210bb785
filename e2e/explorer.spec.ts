import { expect, test, type Page } from '@playwright/test';
import { canvasHasContent, dropSample, predictions, waitForModel } from './helpers';

async function classifyCat(page: Page) {
  await waitForModel(page);
  await dropSample(page, '/samples/chelsea.png', 'chelsea.png');
  await expect(predictions(page).first()).toContainText('Egyptian cat');
}

function graphNode(page: Page, name: string) {
  return page.getByRole('button', { name, exact: true });
}

test('open stage -> block -> layer with the mouse; the inspector shows the layer and its channel maps', async ({ page }) => {
  await page.goto('/');
  await classifyCat(page);
  await graphNode(page, 'stage 2').click();
  await graphNode(page, 'res2a').click();
  await graphNode(page, 'res2a_branch2a').click();
  const inspector = page.getByRole('region', { name: 'Layer inspector' });
  await expect(inspector.getByRole('heading', { name: 'res2a_branch2a' })).toBeVisible();
  await expect(inspector).toContainText('(56, 56, 64)');
  const tile = inspector.getByRole('button', { name: 'Channel 1', exact: true });
  await expect(tile).toBeVisible();
  const canvases = inspector.locator('canvas');
  await expect.poll(() => canvases.count()).toBeGreaterThan(8);
  let drawn = 0;
  for (let i = 0; i < 8; i++) if (await canvasHasContent(canvases.nth(i))) drawn++;
  expect(drawn).toBeGreaterThan(4);
  await expect(page).toHaveURL(/layer=res2a_branch2a/);
});

test('open stage -> block -> layer with the keyboard', async ({ page }) => {
  await page.goto('/');
  await waitForModel(page);
  const stage = graphNode(page, 'stage 3');
  await stage.focus();
  await page.keyboard.press('Enter');
  await expect(stage).toHaveAttribute('aria-expanded', 'true');
  const block = graphNode(page, 'res3a');
  await block.focus();
  await page.keyboard.press('Enter');
  await expect(block).toHaveAttribute('aria-expanded', 'true');
  const layer = graphNode(page, 'res3a_branch1');
  await layer.focus();
  await page.keyboard.press('Enter');
  const inspector = page.getByRole('region', { name: 'Layer inspector' });
  await expect(inspector.getByRole('heading', { name: 'res3a_branch1' })).toBeVisible();
  await expect(inspector).toContainText('(28, 28, 512)');
  // Arrow keys move along the visible nodes.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(inspector.getByRole('heading', { name: 'bn3a_branch1' })).toBeVisible();
});

test('the URL keeps the preset, layer and channel across a reload', async ({ page }) => {
  await page.goto('/?layer=res3b_branch2b&channel=5');
  await classifyCat(page);
  const inspector = page.getByRole('region', { name: 'Layer inspector' });
  await expect(inspector.getByRole('heading', { name: 'res3b_branch2b' })).toBeVisible();
  await expect(inspector).toContainText('(28, 28, 128)');
  await inspector.getByRole('button', { name: 'Next layer' }).click();
  await expect(inspector.getByRole('heading', { name: 'bn3b_branch2b' })).toBeVisible();
  await expect(page).toHaveURL(/layer=bn3b_branch2b/);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Layer inspector' }).getByRole('heading', { name: 'bn3b_branch2b' })).toBeVisible();
});

test('an unknown layer in the URL falls back to the overview with a notice', async ({ page }) => {
  await page.goto('/?layer=res9z_branch7');
  await waitForModel(page);
  await expect(page.getByRole('alert')).toContainText('There is no layer named “res9z_branch7”');
  await expect(page).not.toHaveURL(/layer=/);
});

test('an unknown channel in the URL falls back to the layer with a notice', async ({ page }) => {
  await page.goto('/?layer=res2a_branch2a&channel=900');
  await waitForModel(page);
  await expect(page.getByRole('alert')).toContainText('Layer res2a_branch2a has no channel 900; it has 64.');
  await expect(page).not.toHaveURL(/channel=/);
  await expect(page).toHaveURL(/layer=res2a_branch2a/);
  await expect(page.getByRole('region', { name: 'Layer inspector' }).getByRole('heading', { name: 'res2a_branch2a' })).toBeVisible();
});

test('switching the preset updates the totals', async ({ page }) => {
  await page.goto('/');
  await waitForModel(page);
  const totals = page.getByRole('region', { name: 'Model totals' });
  await expect(totals.getByTestId('total-params')).toHaveText('25,636,712');
  await page.getByLabel('Preset').selectOption('signs');
  await expect(totals.getByTestId('total-params')).toHaveText('23,600,006');
  await expect(graphNode(page, 'fc6')).toHaveCount(0); // collapsed: the head shows as one node
  await expect(graphNode(page, 'head')).toBeVisible();
});

test('the main screen looks deliberate at 1280x800 and is usable at 390x844', async ({ page }) => {
  await page.goto('/?layer=res2a_add');
  await classifyCat(page);
  await predictions(page).first().getByRole('button').click();
  await page.screenshot({ path: 'test-results/main-1280x800.png' });
  await page.screenshot({ path: 'test-results/main-1280-full.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByLabel('Image file')).toBeAttached();
  await expect(page.getByRole('list', { name: 'Top-5 predictions' })).toBeVisible();
  await page.screenshot({ path: 'test-results/main-390x844.png' });
  await page.screenshot({ path: 'test-results/main-390-full.png', fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
