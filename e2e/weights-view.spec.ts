/**
 * What a layer learned, in the inspector (issue 14): a kernel histogram, BatchNorm's four
 * per-channel vectors, conv1's filters as colour tiles, a block's summary, and the inspector
 * kept in view when a layer is picked. On SIGNS (seeded weights: fast, and known values).
 */
import { expect, test, type Page } from '@playwright/test';
import { canvasHasContent, engineMemory, expectMemory, settledMemory, waitForModel } from './helpers';

const inspector = (page: Page) => page.getByRole('region', { name: 'Layer inspector' });
/** The weights section of the layer on show (its heading names the layer first). */
async function weights(page: Page, layer: string) {
  await expect(inspector(page).getByRole('heading', { name: layer, exact: true })).toBeVisible();
  return inspector(page).getByRole('region', { name: 'Weights', exact: true });
}
const node = (page: Page, name: string) => page.getByRole('region', { name: 'Network graph' }).getByRole('button', { name, exact: true });

test('conv1: its 64 filters as colour tiles on one canvas, a kernel histogram, and no tensor made', async ({ page }) => {
  await page.goto('/?preset=signs&backend=wasm');
  await waitForModel(page);
  const baseline = await settledMemory(page);
  await node(page, 'stem').click();
  await node(page, 'conv1').click();
  const section = await weights(page, 'conv1');
  await expect(section.getByRole('row', { name: /^kernel/ })).toContainText('(7, 7, 3, 64)');
  await expect(section.getByRole('row', { name: /^bias/ })).toContainText('(64,)');
  const tiles = section.getByRole('img', { name: /^64 seeded random 7×7 filters of conv1 / });
  await expect(tiles).toHaveAccessibleName(/ in 8 rows of 8, each filter scaled to its own range$/);
  await expect(tiles).toHaveAttribute('width', '63');
  await expect.poll(() => canvasHasContent(tiles)).toBe(true);
  const perFilter = await tiles.screenshot();
  await section.getByRole('radio', { name: 'One range for all filters' }).check();
  await expect(tiles).toHaveAccessibleName(/every filter on one range/);
  expect((await tiles.screenshot()).equals(perFilter)).toBe(false);
  await expect(section.getByRole('img', { name: /^Histogram of 9,408 kernel weights of conv1 in 32 bins/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/weights-conv1-1280.png' });
  await expectMemory(page, baseline);
  // Another layer's weights are read when it is opened; pool1 has none to read.
  await page.getByRole('button', { name: 'Next layer' }).click();
  await expect(await weights(page, 'bn_conv1')).toBeVisible();
  await node(page, 'pool1').click();
  await expect(inspector(page).getByRole('heading', { name: 'pool1', exact: true })).toBeVisible();
  await expect(inspector(page).getByRole('region', { name: 'Weights', exact: true })).toHaveCount(0);
  await expectMemory(page, baseline);
});

test('a BatchNorm layer: gamma, beta, moving mean and variance in a table, and any channel’s four values by keyboard', async ({ page }) => {
  await page.goto('/?preset=signs&backend=wasm&layer=bn2a_branch2c');
  await waitForModel(page);
  const section = await weights(page, 'bn2a_branch2c');
  const expected = { 'gamma (scale)': '1', 'beta (shift)': '0', 'moving mean': '0', 'moving variance': '1' };
  for (const [name, value] of Object.entries(expected)) {
    const row = section.getByRole('row', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) });
    await expect(row.getByRole('cell')).toHaveText(['(256,)', value, value, value]);
  }
  await expect(section.getByRole('rowheader', { name: /^moving variance/ })).toHaveText('moving variance not trained: a running average');
  await expect(section.getByRole('rowheader', { name: /^gamma/ })).toHaveText('gamma (scale)');
  const pick = section.getByRole('slider', { name: 'Channel 1 of 256' });
  await pick.focus();
  await page.keyboard.press('End');
  await expect(section.getByRole('slider', { name: 'Channel 256 of 256' })).toBeFocused();
  await expect(section.locator('output')).toHaveText('gamma (scale) 1, beta (shift) 0, moving mean 0, moving variance 1');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/weights-bn-1280.png' });
});

test('a block opened in the graph gets its summary: type, shapes, parameters, walkthrough steps, and its layers as buttons', async ({ page }) => {
  await page.goto('/?preset=signs&backend=wasm');
  await waitForModel(page);
  await node(page, 'stage 3').click();
  await node(page, 'res3b').click();
  await expect(node(page, 'res3b')).toHaveAttribute('aria-expanded', 'true');
  const region = inspector(page);
  await expect(region.getByRole('heading', { name: 'res3b', exact: true })).toBeVisible();
  await expect(region.getByRole('list', { name: 'Block facts' })).toContainText('Identity block');
  const summary = region.getByRole('group', { name: 'Block summary' });
  await expect(summary).toContainText('Input(8, 8, 512) from res3a_relu');
  await expect(summary).toContainText('Output(8, 8, 512) at res3b_relu');
  // 1·1·512·128 + 128, 3·3·128·128 + 128, 1·1·128·512 + 512, and BatchNorm 4 x (128 + 128 + 512).
  await expect(summary).toContainText('282,368: 280,832 trainable, 1,536 non-trainable');
  await expect(page).toHaveURL(/layer=res3b/);
  await page.screenshot({ path: 'test-results/weights-block-1280.png' });
  await region.getByRole('button', { name: /^Stage 3: 4 blocks/ }).click();
  await expect(page.getByRole('navigation', { name: 'Walkthrough' }).getByRole('button', { name: /^Stage 3: 4 blocks/ })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/?preset=signs&backend=wasm&layer=res3b');
  await inspector(page).getByRole('button', { name: 'Open res3b_branch2b', exact: true }).click();
  await expect(inspector(page).getByRole('heading', { name: 'res3b_branch2b', exact: true })).toBeVisible();
  await expect(page).toHaveURL(/layer=res3b_branch2b/);
  await page.goto('/?preset=signs&backend=wasm&layer=res2a');
  await expect(inspector(page).getByRole('list', { name: 'Block facts' })).toContainText('Convolutional block');
  await expect(inspector(page).getByRole('group', { name: 'Block summary' })).toContainText('Input(15, 15, 64) from pool1');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('picking a layer keeps the inspector in view: beside the graph at 1280, scrolled to at 390 with a way back', async ({ page }) => {
  await page.goto('/?preset=signs&backend=wasm');
  await waitForModel(page);
  await node(page, 'stem').click();
  await node(page, 'conv1').click();
  const [graph, insp] = [await page.getByRole('region', { name: 'Network graph' }).boundingBox(), await inspector(page).boundingBox()];
  expect(insp && graph && insp.x >= graph.x + graph.width).toBe(true);
  await expect(inspector(page).getByRole('heading', { name: 'conv1', exact: true })).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Back to the graph' })).toBeHidden();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await node(page, 'bn_conv1').click();
  await expect(inspector(page).getByRole('heading', { name: 'bn_conv1', exact: true })).toBeInViewport();
  await expect(node(page, 'bn_conv1')).not.toBeInViewport();
  await page.screenshot({ path: 'test-results/weights-bn-390.png' });
  await page.getByRole('button', { name: 'Back to the graph' }).click();
  await expect(node(page, 'bn_conv1')).toBeFocused();
  await expect(node(page, 'bn_conv1')).toBeInViewport();
  await node(page, 'conv1').click();
  const tiles = (await weights(page, 'conv1')).getByRole('img', { name: /filters of conv1/ });
  await tiles.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/weights-conv1-390.png' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // A block opened on a phone stays with the graph: its summary is below, nothing scrolls.
  await node(page, 'stage 2').click();
  const scrolled = await page.evaluate(() => window.scrollY);
  await node(page, 'res2a').click();
  await expect(inspector(page).getByRole('heading', { name: 'res2a', exact: true })).toBeAttached();
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await inspector(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/weights-block-390.png' });
  expect(await engineMemory(page)).not.toBeNull();
});

test('on a phone a walkthrough step, below the graph, scrolls the page to the nodes it lights', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?preset=signs&backend=wasm');
  await waitForModel(page);
  const walkthrough = page.getByRole('navigation', { name: 'Walkthrough' });
  const step = walkthrough.getByRole('button', { name: /Shortcut: 1×1 conv with stride s/ }).first();
  await step.scrollIntoViewIfNeeded();
  const lit = page.getByRole('region', { name: 'Network graph' }).locator('.is-highlighted');
  await expect(lit).toHaveCount(0);
  await step.click();
  await expect(step).toHaveAttribute('aria-pressed', 'true');
  await expect(lit.first()).toBeInViewport();
  // The focus is not left on the step, out of sight: it is on the way back, in view.
  const stepBack = page.getByRole('button', { name: /^Back to the step: Shortcut: 1×1 conv with stride s/ });
  await expect(stepBack).toBeFocused();
  await expect(stepBack).toBeInViewport();
  await expect(step).not.toBeInViewport();
  await page.screenshot({ path: 'test-results/walkthrough-step-390.png' });
  await page.keyboard.press('Enter');
  await expect(step).toBeFocused();
  await expect(step).toBeInViewport();
  await expect(stepBack).toBeHidden();
  await expect(step).toHaveAttribute('aria-pressed', 'true');
});

