import { expect, test, type Page } from '@playwright/test';
import { boxes, canvasHasContent, centreInside, channelGrid, dropSample, overlaps, predictions, waitForModel, within } from './helpers';

async function classifyCat(page: Page) {
  await waitForModel(page);
  await dropSample(page, '/samples/chelsea.png', 'chelsea.png');
  await expect(predictions(page).first()).toContainText('Egyptian cat');
}

function graphNode(page: Page, name: string) {
  return page.getByRole('button', { name, exact: true });
}

test('open stage -> block -> layer with the mouse; the inspector shows the layer and its channel maps', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await classifyCat(page);
  await graphNode(page, 'stage 2').click();
  await graphNode(page, 'res2a').click();
  await graphNode(page, 'res2a_branch2a').click();
  const inspector = page.getByRole('region', { name: 'Layer inspector' });
  await expect(inspector.getByRole('heading', { name: 'res2a_branch2a' })).toBeVisible();
  await expect(inspector).toContainText('(56, 56, 64)');
  const tile = inspector.getByRole('button', { name: 'Channel 1', exact: true });
  await expect(tile).toBeVisible();
  // 64 channel buttons over one painted grid of maps.
  const grid = channelGrid(page);
  await expect(grid.tiles).toHaveCount(64);
  await expect(grid.canvas).toHaveCount(1);
  await expect.poll(() => canvasHasContent(grid.canvas)).toBe(true);
  expect(await centreInside(tile, grid.canvas)).toBe(true);
  expect(await centreInside(grid.tiles.last(), grid.canvas)).toBe(true);
  await expect(page).toHaveURL(/layer=res2a_branch2a/);
});

test('a channel tile opens the large view by mouse or keyboard, and focus comes back to it', async ({ page }) => {
  await page.goto('/?backend=wasm&layer=res2a_branch2c');
  await classifyCat(page);
  const inspector = page.getByRole('region', { name: 'Layer inspector' });
  const grid = channelGrid(page);
  await expect(grid.tiles).toHaveCount(64);
  const third = inspector.getByRole('button', { name: 'Channel 3', exact: true });
  await third.click();
  await expect(third).toHaveAttribute('aria-pressed', 'true');
  await expect(inspector.getByRole('heading', { name: 'Channel 3' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(inspector.getByRole('heading', { name: 'Channel 3' })).toHaveCount(0);
  await expect(third).toBeFocused();
  await expect(third).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const fourth = inspector.getByRole('button', { name: 'Channel 4', exact: true });
  await expect(fourth).toHaveAttribute('aria-pressed', 'true');
  await inspector.getByRole('button', { name: 'Close channel view' }).click();
  await expect(fourth).toBeFocused();
  await grid.pages.getByRole('button', { name: 'Next page' }).click();
  await expect(grid.pages).toContainText('Channels 65–128 of 256');
  await expect(inspector.getByRole('button', { name: 'Channel 65', exact: true })).toBeVisible();
  await expect.poll(() => canvasHasContent(grid.canvas)).toBe(true);
});

test('open stage -> block -> layer with the keyboard', async ({ page }) => {
  await page.goto('/?backend=wasm');
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
  await page.goto('/?backend=wasm&layer=res3b_branch2b&channel=5');
  await classifyCat(page);
  const inspector = page.getByRole('region', { name: 'Layer inspector' });
  await expect(inspector.getByRole('heading', { name: 'res3b_branch2b' })).toBeVisible();
  // The URL counts channels as the page does, from 1.
  await expect(inspector.getByRole('heading', { name: 'Channel 5', exact: true })).toBeVisible();
  await expect(inspector).toContainText('(28, 28, 128)');
  await inspector.getByRole('button', { name: 'Next layer' }).click();
  await expect(inspector.getByRole('heading', { name: 'bn3b_branch2b' })).toBeVisible();
  await expect(page).toHaveURL(/layer=bn3b_branch2b/);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Layer inspector' }).getByRole('heading', { name: 'bn3b_branch2b' })).toBeVisible();
});

test('an unknown layer in the URL falls back to the overview with a notice', async ({ page }) => {
  await page.goto('/?backend=wasm&layer=res9z_branch7');
  await waitForModel(page);
  await expect(page.getByRole('alert')).toContainText('There is no layer named “res9z_branch7”');
  await expect(page).not.toHaveURL(/layer=/);
});

test('an unknown preset in the URL is said, not silently replaced', async ({ page }) => {
  await page.goto('/?backend=wasm&preset=foo');
  await expect(page.getByRole('alert')).toHaveText(/There is no preset “foo”, so the ImageNet model is shown\. Presets: signs, imagenet\./);
  await expect(page).toHaveURL(/preset=imagenet/);
  await waitForModel(page);
});

test('an unknown channel in the URL falls back to the layer with a notice', async ({ page }) => {
  await page.goto('/?backend=wasm&layer=res2a_branch2a&channel=900');
  await waitForModel(page);
  await expect(page.getByRole('alert')).toContainText('Layer res2a_branch2a has no channel 900: its channels are 1 to 64.');
  await expect(page).not.toHaveURL(/channel=/);
  await expect(page).toHaveURL(/layer=res2a_branch2a/);
  await expect(page.getByRole('region', { name: 'Layer inspector' }).getByRole('heading', { name: 'res2a_branch2a' })).toBeVisible();
});

test('switching the preset updates the totals', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await waitForModel(page);
  const totals = page.getByRole('region', { name: 'Model totals' });
  await expect(totals.getByTestId('total-params')).toHaveText('25,636,712');
  await page.getByLabel('Preset').selectOption('signs');
  await expect(totals.getByTestId('total-params')).toHaveText('23,600,006');
  await expect(graphNode(page, 'fc6')).toHaveCount(0); // collapsed: the head shows as one node
  await expect(graphNode(page, 'head')).toBeVisible();
});

test('at 1280x800 the input, graph and walkthrough stand side by side with the top-5 in view; at 390x844 they stack in one column, no sideways scroll', async ({ page }) => {
  await page.goto('/?backend=wasm&layer=res2a_add');
  await classifyCat(page);
  await predictions(page).first().getByRole('button').click();
  const regions = {
    input: page.getByRole('region', { name: 'Drop zone' }),
    graph: page.getByRole('region', { name: 'Architecture' }),
    walkthrough: page.getByRole('navigation', { name: 'Walkthrough' }),
    inspector: page.getByRole('region', { name: 'Layer inspector' }),
  };
  const top5 = page.getByRole('list', { name: 'Top-5 predictions' });
  const wide = await boxes(regions);
  expect(overlaps(wide)).toEqual([]);
  expect(wide.input.x + wide.input.width).toBeLessThanOrEqual(wide.graph.x);
  expect(wide.graph.x + wide.graph.width).toBeLessThanOrEqual(wide.walkthrough.x);
  expect(wide.walkthrough.x + wide.walkthrough.width).toBeLessThanOrEqual(1280);
  await expect(top5).toBeInViewport();
  // For people to look at (test-results/), not compared: fonts differ from machine to machine.
  await page.screenshot({ path: 'test-results/main-1280x800.png' });
  await page.screenshot({ path: 'test-results/main-1280-full.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByLabel('Image file')).toBeAttached();
  await expect(top5).toBeVisible();
  await expect.poll(async () => (await regions.graph.boundingBox())?.width ?? Infinity).toBeLessThanOrEqual(390);
  const narrow = await boxes({ ...regions, top5 });
  expect(overlaps(narrow)).toEqual([]);
  for (const [name, box] of Object.entries(narrow)) {
    expect(within(box, { x: 0, y: box.y, width: 390, height: box.height }), `${name} inside 390 px`).toBe(true);
  }
  const column = [narrow.input, narrow.graph, narrow.inspector, narrow.walkthrough];
  column.slice(1).forEach((box, i) => expect(box.y).toBeGreaterThanOrEqual(column[i].y + column[i].height));
  await page.screenshot({ path: 'test-results/main-390x844.png' });
  await page.screenshot({ path: 'test-results/main-390-full.png', fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
