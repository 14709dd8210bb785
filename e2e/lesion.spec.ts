import { expect, test } from '@playwright/test';
import { expectMemory, predictions, settledMemory } from './helpers';

// The SIGNS preset: the lesion's mechanics (re-run, deltas, URL, graph, no leak) do not need ImageNet.

test('switching blocks off re-runs the image on the lesioned network, shows the change, keeps it in the URL and leaks nothing', async ({ page }) => {
  await page.goto('/?preset=signs&backend=wasm');
  await expect(page.getByLabel('Model loading')).toHaveCount(0);
  await page.getByLabel('Image file').setInputFiles('public/samples/chelsea.png');
  await expect(predictions(page)).toHaveCount(5);
  const intact = await predictions(page).allTextContents();
  const before = await settledMemory(page);

  const toggles = page.getByRole('group', { name: 'Residual blocks, on or off' });
  await expect(toggles.getByRole('switch')).toHaveCount(16);
  await toggles.getByRole('switch', { name: 'res3a', exact: true }).click();
  await expect(toggles.getByRole('switch', { name: 'res3a', exact: true })).not.toBeChecked();
  await expect(toggles.getByRole('switch', { name: 'res3b', exact: true })).toBeChecked();
  const top = page.getByRole('region', { name: 'Top-5 predictions' });
  await expect(top).toContainText('With res3a switched off.');
  await expect(predictions(page).first()).toContainText(/rank \d|not in the intact top 5/);
  await expect(page).toHaveURL(/off=res3a/);
  expect(await predictions(page).allTextContents()).not.toEqual(intact);
  await expect(page.getByRole('button', { name: 'stage 3', exact: true })).toHaveCount(1);
  await page.getByRole('button', { name: 'stage 3', exact: true }).click();
  await expect(page.getByRole('button', { name: 'res3a', exact: true })).toBeVisible();
  await expect(page.locator('[data-node-id="res3a"]')).toHaveAttribute('aria-description', /(^|\. )Switched off\./);

  // On and off again many times: the count of tensors in the worker is where it was.
  for (let i = 0; i < 5; i += 1) {
    await toggles.getByRole('switch', { name: 'res4b', exact: true }).click();
    await toggles.getByRole('switch', { name: 'res4b', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Switch all on' }).click();
  await expect(top).not.toContainText('switched off');
  await expect(page).not.toHaveURL(/off=/);
  await expect.poll(() => predictions(page).allTextContents()).toEqual(intact);
  await expectMemory(page, before);
});

test('blocks switched off in the URL are off after a reload, the image shows its change against the intact network; an unknown block is dropped with a notice', async ({ page }) => {
  await page.goto('/?preset=signs&backend=wasm&off=res2b,res9z');
  await expect(page.getByRole('alert')).toContainText('There is no block named “res9z”');
  const toggles = page.getByRole('group', { name: 'Residual blocks, on or off' });
  await expect(toggles.getByRole('switch', { name: 'res2b', exact: true })).not.toBeChecked();
  await expect(page).toHaveURL(/off=res2b(&|$)/);
  await page.getByLabel('Image file').setInputFiles('public/samples/chelsea.png');
  await expect(predictions(page)).toHaveCount(5);
  // A new image under a lesion runs on the intact network too: its deltas show at once.
  await expect(page.getByRole('region', { name: 'Top-5 predictions' })).toContainText('With res2b switched off.');
  await expect(predictions(page).first()).toContainText(/rank \d|not in the intact top 5/);
});

test('the inspector switches the selected layer’s block off and on, in step with the block switches', async ({ page }) => {
  await page.goto('/?preset=signs&backend=wasm&layer=res4b_branch2a');
  await expect(page.getByLabel('Model loading')).toHaveCount(0);
  await page.getByLabel('Image file').setInputFiles('public/samples/chelsea.png');
  await expect(predictions(page)).toHaveCount(5);
  const inspector = page.getByRole('region', { name: 'Layer inspector' });
  const own = inspector.getByRole('switch', { name: 'Block res4b' });
  await expect(own).toBeChecked();
  await own.click();
  await expect(own).not.toBeChecked();
  await expect(inspector).toContainText('is switched off');
  await expect(page.getByRole('group', { name: 'Residual blocks, on or off' }).getByRole('switch', { name: 'res4b', exact: true })).not.toBeChecked();
  await expect(page).toHaveURL(/off=res4b/);
  await expect(page.getByRole('region', { name: 'Top-5 predictions' })).toContainText('With res4b switched off.');
  await own.click();
  await expect(page).not.toHaveURL(/off=/);
  await page.goto('/?preset=signs&backend=wasm&layer=conv1');
  await expect(page.getByRole('region', { name: 'Layer inspector' }).getByRole('switch')).toHaveCount(0);
});
