import { expect, test, type Page } from '@playwright/test';

function inspectorHeading(page: Page) {
  return page.getByRole('region', { name: 'Layer inspector' }).getByRole('heading', { level: 2 });
}

async function openCode(page: Page) {
  const toggle = page.getByRole('button', { name: 'The assignment’s code' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const listing = page.getByLabel("The assignment's code (Python)");
  await expect(listing).toBeVisible();
  return listing;
}

test('the assignment’s code lights the open layer’s lines, and a clicked line opens its layer', async ({ page }) => {
  await page.goto('/?preset=imagenet&layer=res3b_branch2b');
  const listing = await openCode(page);
  const lit = listing.locator('[aria-current="true"]');
  await expect(lit).toHaveText([
    /X = Conv2D\(filters=F2, kernel_size=\(f, f\).*name=conv_name_base \+ '2b'/,
    /X = identity_block\(X, f=3, filters=\[128, 128, 512\], stage=3, block='b'\)/,
  ]);
  await expect(lit.first()).toBeInViewport();

  // A line inside identity_block means that part of the open block (res3b).
  await listing.getByRole('button', { name: /^X = Add\(\)\(\[X, X_shortcut\]\)$/ }).first().click();
  await expect(inspectorHeading(page)).toHaveText('res3b_add');
  await expect(page).toHaveURL(/layer=res3b_add/);

  // A block call opens that block; the graph's selection lights the lines back.
  await listing.getByRole('button', { name: /convolutional_block\(X, f=3, filters=\[512, 512, 2048\], stage=5, block='a', s=2\)/ }).click();
  await expect(inspectorHeading(page)).toHaveText('res5a_branch2a');
  await expect(lit.last()).toHaveText(/stage=5, block='a'/);
});

test('the listing is read with the keyboard: one tab stop, arrows between layer lines, Enter opens', async ({ page }) => {
  await page.goto('/?preset=imagenet&layer=conv1');
  const listing = await openCode(page);
  const conv1 = listing.getByRole('button', { name: /name='conv1'/ });
  await expect(conv1).toHaveAttribute('aria-current', 'true');
  await expect(conv1).toHaveAttribute('tabindex', '0');
  await expect(listing.locator('button[tabindex="0"]')).toHaveCount(1);
  await conv1.focus();
  await page.keyboard.press('ArrowDown');
  await expect(listing.getByRole('button', { name: /name='bn_conv1'/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(inspectorHeading(page)).toHaveText('bn_conv1');
});

test('the copy button copies the whole listing, the stage widths of the open model included', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?preset=signs&variant=literal');
  await openCode(page);
  await page.getByRole('button', { name: 'Copy code' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the code.' })).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(/^from tensorflow\.keras\.layers import/);
  expect(text).toContain('def identity_block(X, f, filters, stage, block):');
  expect(text).toContain('def ResNet50(input_shape=(64, 64, 3), classes=6):');
  expect(text).toContain("identity_block(X, f=3, filters=[256, 256, 2048], stage=5, block='b')");
  expect(text.split('\n').filter((l) => /_block\(X, f=3/.test(l))).toHaveLength(16);
});
