import { expect, test, type Page } from '@playwright/test';
import { boxes, overlaps, within } from './helpers';

/** A graph node: a button named exactly by its block or layer name. */
function node(page: Page, name: string) {
  return page.getByRole('region', { name: 'Network graph' }).getByRole('button', { name, exact: true });
}

function drawing(page: Page) {
  return page.locator('.graph-canvas > g');
}

async function openGraph(page: Page) {
  await page.goto('/?backend=wasm');
  await expect(node(page, 'stage 2')).toBeVisible();
}

/** The nodes named, none drawn over another (and, `inView`, each inside the graph's panel). */
async function expectLaidOut(page: Page, names: readonly string[], inView = false) {
  const drawn = await boxes(Object.fromEntries(names.map((name) => [name, node(page, name)])));
  expect(overlaps(drawn)).toEqual([]);
  if (!inView) return;
  const panel = await page.locator('.graph').boundingBox();
  if (!panel) throw new Error('no graph panel');
  for (const [name, box] of Object.entries(drawn)) expect(within(box, panel), `${name} inside the graph`).toBe(true);
}

test('opens on the overview: input, stem, four stages and head, each a named button, all in view and none over another', async ({ page }) => {
  await openGraph(page);
  const overview = ['input', 'stem', 'stage 2', 'stage 3', 'stage 4', 'stage 5', 'head'];
  for (const name of overview) {
    await expect(node(page, name)).toBeVisible();
  }
  await expectLaidOut(page, overview, true);
  await expect(node(page, 'stage 3')).toHaveAttribute('aria-expanded', 'false');
  await expect(node(page, 'res2a')).toHaveCount(0);
  // For people to look at (test-results/), not compared: fonts differ from machine to machine.
  await page.locator('.graph').screenshot({ path: 'test-results/graph-overview-1280.png' });
});

test('keyboard: arrows move, Enter opens a stage and a block (its layers drawn apart), and selects a layer', async ({ page }) => {
  await openGraph(page);
  await node(page, 'stem').focus();
  await page.keyboard.press('ArrowDown');
  await expect(node(page, 'stage 2')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(node(page, 'stage 2')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(node(page, 'res2a')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(node(page, 'res2a_branch1')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(node(page, 'res2a_branch2a')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Layer inspector' })).toContainText('res2a_branch2a');
  await expectLaidOut(page, ['res2a', 'res2a_branch1', 'res2a_branch2a', 'bn2a_branch2a', 'res2a_branch2c', 'res2a_add', 'res2a_relu', 'res2b']);
  await page.locator('.graph').screenshot({ path: 'test-results/graph-res2a-1280.png' });

  await page.keyboard.press('ArrowLeft');
  await expect(node(page, 'res2a')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(node(page, 'res2a')).toHaveAttribute('aria-expanded', 'false');
  await expect(node(page, 'res2a_branch2a')).toHaveCount(0);
});

test('expand all reaches every conv and BatchNorm; collapse all returns to the overview', async ({ page }) => {
  await openGraph(page);
  await page.getByRole('button', { name: 'Expand all' }).click();
  for (const name of ['conv1', 'bn_conv1', 'res3a_branch1', 'bn4f_branch2c', 'res5c_branch2b', 'res5c_add']) {
    await expect(node(page, name)).toHaveCount(1);
  }
  await expect(node(page, 'res4a')).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(node(page, 'res4a')).toHaveCount(0);
  await expect(node(page, 'stage 4')).toHaveAttribute('aria-expanded', 'false');
});

test('drag pans, the zoom buttons zoom, and fit to view brings it all back', async ({ page }) => {
  await openGraph(page);
  const canvas = page.locator('.graph-canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('graph canvas has no box');
  const start = await drawing(page).getAttribute('transform');
  await page.mouse.move(box.x + 40, box.y + 40);
  await page.mouse.down();
  await page.mouse.move(box.x + 140, box.y + 90, { steps: 5 });
  await page.mouse.up();
  await expect(drawing(page)).not.toHaveAttribute('transform', start ?? '');
  const panned = await drawing(page).getAttribute('transform');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(drawing(page)).not.toHaveAttribute('transform', panned ?? '');
  await page.getByRole('button', { name: 'Fit to view' }).click();
  const head = await node(page, 'head').boundingBox();
  const input = await node(page, 'input').boundingBox();
  for (const b of [head, input]) {
    expect(b && b.y >= box.y && b.y + b.height <= box.y + box.height).toBe(true);
  }
});
