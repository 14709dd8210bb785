/** Rough edges for touch and screen-reader users (issue 14): target sizes, what is announced. */
import { expect, test, type Page } from '@playwright/test';

/** Visible controls outside the zoomable graph drawing smaller than 24 x 24 CSS pixels. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>('button, input, select, summary, [role="switch"], [role="tab"], a[href]')];
    return controls.flatMap((el) => {
      if (el.closest('svg') || el.closest('[hidden]')) return [];
      // Links and link-styled buttons inside a sentence are exempt (WCAG 2.5.8, inline).
      if (el.matches('button.link, a') && el.parentElement?.matches('p, li, span')) return [];
      // A checkbox or radio is pressed through its label as much as itself: the label is the target.
      const target = el.matches('input[type="checkbox"], input[type="radio"]') ? (el.closest('label') ?? el) : el;
      const box = target.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') return [];
      return box.width < 24 || box.height < 24 ? [`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(box.width)}x${Math.round(box.height)}`] : [];
    });
  });
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`every control is at least 24 x 24 pixels at ${viewport.width}x${viewport.height}, with an image shown and a layer open`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/?preset=signs&backend=wasm&layer=res2a_branch2a&channel=2');
    await expect(page.getByLabel('Model loading')).toHaveCount(0);
    await page.getByLabel('Image file').setInputFiles('public/samples/chelsea.png');
    await expect(page.getByRole('list', { name: 'Top-5 predictions' }).getByRole('listitem')).toHaveCount(5);
    await expect(page.getByRole('region', { name: 'Layer inspector' }).getByRole('button', { name: 'Channel 1', exact: true })).toBeVisible();
    expect(await smallTargets(page)).toEqual([]);
  });
}

test('graph nodes say what they are: the layer kind and the block type', async ({ page }) => {
  await page.goto('/?preset=imagenet');
  await page.getByRole('button', { name: 'stage 2', exact: true }).click();
  await expect(page.getByRole('button', { name: 'res2a', exact: true })).toHaveAccessibleDescription(/^Convolutional block \(projection shortcut\)\./);
  await expect(page.getByRole('button', { name: 'res2b', exact: true })).toHaveAccessibleDescription(/^Identity block\./);
  await page.getByRole('button', { name: 'res2a', exact: true }).click();
  await expect(page.getByRole('button', { name: 'res2a_branch2b', exact: true })).toHaveAccessibleDescription(/^Convolution layer\. filters 64/);
  await expect(page.getByRole('button', { name: 'bn2a_branch1', exact: true })).toHaveAccessibleDescription(/^BatchNorm layer\./);
  await expect(page.getByRole('button', { name: 'res2a_add', exact: true })).toHaveAccessibleDescription(/^Add layer/);
});

test('Diagnostics is not read out on every tensor count: only a change of backend is announced', async ({ page }) => {
  await page.goto('/?preset=signs&backend=wasm');
  const diagnostics = page.getByRole('status', { name: 'Diagnostics' });
  await expect(diagnostics).toHaveAttribute('aria-live', 'off');
  const announcer = diagnostics.locator('[aria-live="polite"]');
  await expect(announcer).toHaveText('Backend: wasm');
  await expect(diagnostics).toContainText('Tensors:');
  await expect(announcer).not.toContainText('Tensors');
});

test('on a phone, a stage and a block opened inside it fit the graph’s width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?preset=imagenet');
  await page.getByRole('button', { name: 'stage 3', exact: true }).click();
  await page.getByRole('button', { name: 'res3a', exact: true }).click();
  await expect(page.getByRole('button', { name: 'res3a_branch1', exact: true })).toBeVisible();
  const canvas = await page.getByRole('group', { name: 'ResNet50 stage, block and layer graph' }).boundingBox();
  // The stage's header spans the stage's whole width (its glow ring reaches 5 px further).
  await expect.poll(async () => {
    const stage = await page.locator('[data-node-id="stage-3"]').boundingBox();
    return stage && canvas ? Math.round(stage.x + stage.width - 5 - (canvas.x + canvas.width)) : null;
  }).toBeLessThanOrEqual(0);
});
