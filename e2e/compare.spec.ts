import { expect, test, type Page } from '@playwright/test';
import { expectMemory, predictions, settledMemory } from './helpers';

// The SIGNS preset: comparing is the same mechanics at any size.

function curvePoints(page: Page) {
  return page.getByRole('region', { name: 'Compare two images' }).getByRole('group', { name: /^Similarity of A and B/ }).getByRole('button');
}

async function runImage(page: Page, file: string): Promise<void> {
  await page.getByLabel('Image file').setInputFiles(file);
  await expect(page.getByRole('list', { name: 'Files' }).getByRole('listitem').last()).toContainText('done');
  await expect(predictions(page)).toHaveCount(5);
}

test('the same image twice: cosine 1 and distance 0 at every layer; points open their layer with A, B and B − A; unpinning frees A', async ({ page }) => {
  await page.goto('/?preset=signs&backend=wasm');
  await expect(page.getByLabel('Model loading')).toHaveCount(0);
  const panel = page.getByRole('region', { name: 'Compare two images' });
  await expect(panel.getByRole('button', { name: 'Pin this image as A' })).toBeDisabled();
  await runImage(page, 'public/samples/chelsea.png');
  const before = await settledMemory(page);

  await panel.getByRole('button', { name: 'Pin this image as A' }).click();
  await expect(panel).toContainText('A chelsea.png (intact)');
  await runImage(page, 'public/samples/chelsea.png');
  const points = curvePoints(page);
  await expect(points.first()).toBeVisible();
  const names = await points.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  // Stem to head: every layer the pass holds but the image itself (conv1_pad on).
  expect(names.length).toBeGreaterThan(170);
  expect(names[0]).toMatch(/^conv1_pad: /);
  expect(names[names.length - 1]).toMatch(/^fc6: /);
  expect(names.filter((n) => !/: cosine 1\.000, relative L2 0\.000$/.test(n))).toEqual([]);
  await expect(panel).toContainText(`Identical at all ${names.length} layers`);

  // The keyboard: one Tab stop, End goes to the last layer, Enter opens it.
  await points.first().focus();
  await page.keyboard.press('End');
  await expect(points.last()).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  const inspector = page.getByRole('region', { name: 'Layer inspector' });
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText(names[names.length - 2].split(':')[0]);
  // A click on a spatial layer: A's map, B's map and B − A on one scale.
  await points.nth(names.findIndex((n) => n.startsWith('res3a_relu:'))).click();
  await expect(page).toHaveURL(/layer=res3a_relu/);
  const maps = inspector.getByRole('region', { name: 'A and B at this layer' });
  await expect(maps.getByRole('heading')).toHaveText('A and B at res3a_relu, channel 0');
  await expect(maps.getByRole('img', { name: 'A: chelsea.png (intact)' })).toBeVisible();
  await expect(maps.getByRole('img', { name: 'B: chelsea.png (intact)' })).toBeVisible();
  await expect(maps.getByRole('img', { name: 'B − A' })).toBeVisible();
  await expect(maps.getByRole('figure', { name: /^One colour scale for all three/ })).toBeVisible();

  // Unpinned, A is let go: the engine holds what it held before A was pinned.
  await panel.getByRole('button', { name: 'Unpin A' }).click();
  await expect(points).toHaveCount(0);
  await expectMemory(page, before);
});

test('the same image intact and lesioned: alike before the switched-off block, apart from it on; a new image under a lesion shows its deltas', async ({ page }) => {
  await page.goto('/?preset=signs&backend=wasm');
  await expect(page.getByLabel('Model loading')).toHaveCount(0);
  await runImage(page, 'public/samples/chelsea.png');
  const panel = page.getByRole('region', { name: 'Compare two images' });
  await panel.getByRole('button', { name: 'Pin this image as A' }).click();
  await expect(panel).toContainText('B none yet');

  // The switch on the block's node in the graph.
  await page.getByRole('button', { name: 'stage 3', exact: true }).click();
  const graphSwitch = page.getByRole('switch', { name: 'Switch res3a off' });
  await expect(graphSwitch).toBeChecked();
  await graphSwitch.click();
  await expect(page.getByRole('switch', { name: 'Switch res3a on' })).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'res3a', exact: true })).toHaveCount(1);
  await expect(page).toHaveURL(/off=res3a/);
  await expect(panel).toContainText('B chelsea.png (res3a off)');
  const points = curvePoints(page);
  await expect(points.first()).toBeVisible();
  const names = await points.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  const at = (layer: string) => names.find((n) => n.startsWith(`${layer}: `)) ?? `${layer} missing`;
  expect(at('res2c_relu')).toMatch(/cosine 1\.000, relative L2 0\.000$/);
  expect(at('res3a_relu')).not.toMatch(/cosine 1\.000/);
  // The removed branch's layers are in A only: not on the curve.
  expect(names.some((n) => n.startsWith('res3a_branch2a:'))).toBe(false);
  await expect(panel).toContainText('least alike at');

  // Keyboard on the graph switch: Tab from its node reaches it, Space switches it back on.
  await page.getByRole('button', { name: 'res3a', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('switch', { name: 'Switch res3a on' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page).not.toHaveURL(/off=/);

  // A new image dropped while a block is off runs on the intact network too: its deltas show.
  await page.getByRole('switch', { name: 'Switch res3a off' }).click();
  await expect(page.getByRole('region', { name: 'Top-5 predictions' })).toContainText('With res3a switched off.');
  await runImage(page, 'public/samples/coffee.png');
  const top = page.getByRole('region', { name: 'Top-5 predictions' });
  await expect(top).toContainText('With res3a switched off.');
  await expect(top).not.toContainText('Switch every block on once');
  await expect(predictions(page).first()).toContainText(/rank \d|not in the intact top 5/);
});
