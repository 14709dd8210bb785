import { expect, test } from '@playwright/test';
import { pngFlavours, readPng } from './fixtures';
import { alertRegion } from './helpers';

// Two languages (issue 14) on the SIGNS preset (64 x 64, seeded weights: no ImageNet download).
// The class names stay as the model gives them; everything around them is in the page's language.

test('lang=zh: the page in Chinese, a classified sample among Chinese words, and back to English in the page', async ({ page }) => {
  await page.goto('/?preset=signs&backend=wasm&lang=zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: 'ResNet50 探索器', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('ResNet50 探索器');
  await expect(page.getByRole('group', { name: '语言' }).getByRole('button', { name: '简体中文' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: '拖放区' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '逐步讲解' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^恒等块/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: '结构图' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('status', { name: '诊断信息' })).toContainText('张量：');
  await expect(page.getByRole('status', { name: '诊断信息' })).toContainText('按要求使用 wasm');
  await expect(page.getByLabel('模型加载')).toHaveCount(0);

  await page.getByRole('group', { name: '示例图像' }).getByRole('button', { name: '小猫 Chelsea' }).click();
  const top5 = page.getByRole('list', { name: '前 5 个预测' }).getByRole('listitem');
  await expect(top5).toHaveCount(5);
  // The model's own class names, with percentages written by Intl.
  await expect(top5.first()).toContainText(/class \d\s*\d+(\.\d)?%/);
  await expect(page.getByRole('list', { name: '文件' })).toContainText('chelsea.png完成');
  await expect(page.getByText('这个模型用的是固定种子的随机权重')).toBeVisible();
  await expect(page.getByRole('region', { name: '图像' }).getByRole('img', { name: '网络眼中的 chelsea.png' })).toBeVisible();

  // The walkthrough's first step, opened, in Chinese.
  await page.getByRole('button', { name: '主路径 1：1×1 卷积、批归一化、ReLU' }).first().click();
  await expect(page.getByText('在 res2b 中，一个有 F1 = 64 个滤波器的 1×1 卷积')).toBeVisible();

  await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
  await expect(page).toHaveURL(/[?&]lang=en(&|$)/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'ResNet50 Explorer', level: 1 })).toBeVisible();
  // The same result, now in English: nothing was run again or lost.
  await expect(predictions(page)).toHaveCount(5);
  await expect(page.getByRole('list', { name: 'Files' })).toContainText('chelsea.pngdone');
  await expect(page.getByText('In res2b, a 1×1 convolution with F1 = 64 filters')).toBeVisible();
  await expect(page.getByText('前 5 个预测')).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Diagnostics' })).toContainText('wasm was requested');
  await expect(page.getByRole('alert', { includeHidden: true })).toBeEmpty();

  // The choice is kept in the address: a reload stays in English, and Chinese comes back when chosen.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'ResNet50 Explorer', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page).toHaveURL(/[?&]lang=zh(&|$)/);
  await expect(page.getByRole('heading', { name: 'ResNet50 探索器', level: 1 })).toBeVisible();
});

test('what the page says about a file is said in the language it speaks now: a refusal and a note, switched to English and back', async ({ page }) => {
  await page.goto('/?preset=signs&backend=wasm&lang=zh');
  await expect(page.getByLabel('模型加载')).toHaveCount(0);
  const transparent = pngFlavours(readPng('public/samples/chelsea.png'), 30).transparent;
  const text = { name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('just words') };
  await page.getByLabel('图像文件').setInputFiles([transparent, text]);
  await expect(page.getByRole('list', { name: '文件' }).getByRole('listitem').filter({ hasText: 'holiday.jpg' }).locator('.state')).toHaveText('失败');
  const refusal = '这个文件不是图片（看起来是文本）。请选择 PNG、JPEG、WebP 或 GIF 文件。';
  await expect(alertRegion(page)).toHaveText(`holiday.jpg：${refusal}`);
  await expect(page.getByRole('list', { name: '文件' })).toContainText(refusal);
  const notes = page.locator('.notes');
  await expect(notes).toContainText('透明区域以白色显示。');

  await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
  await expect(alertRegion(page)).toHaveText('holiday.jpg: This file is not an image (it looks like text). Please choose a PNG, JPEG, WebP or GIF file.');
  await expect(page.getByRole('list', { name: 'Files' })).toContainText('This file is not an image (it looks like text).');
  await expect(notes).toContainText('Transparent areas are shown on white.');
  await expect(notes).not.toContainText('透明');

  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '简体中文' }).click();
  await expect(alertRegion(page)).toHaveText(`holiday.jpg：${refusal}`);
});

test('Chinese that cannot be fetched: the page stays in English, says so, and works; asking for English withdraws it', async ({ page }) => {
  await page.route('**/assets/zh-*.js', (route) => route.abort());
  await page.goto('/?preset=signs&backend=wasm&lang=zh');
  await expect(page.getByRole('heading', { name: 'ResNet50 Explorer', level: 1 })).toBeVisible();
  await expect(alertRegion(page)).toHaveText('The 简体中文 texts could not be loaded, so the page stays in English. Reload the page to try again.');
  await page.getByRole('group', { name: 'Sample images' }).getByRole('button', { name: 'Chelsea the cat' }).click();
  await expect(predictions(page)).toHaveCount(5);
  // It never hides what happens next: a refused file is said over it.
  const refusal = 'holiday.jpg: This file is not an image (it looks like text). Please choose a PNG, JPEG, WebP or GIF file.';
  await page.getByLabel('Image file').setInputFiles({ name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('just words') });
  await expect(alertRegion(page)).toHaveText(refusal);
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'English' }).click();
  await expect(page).toHaveURL(/[?&]lang=en(&|$)/);
  await expect(alertRegion(page)).toHaveText(refusal);
  await page.getByRole('group', { name: 'Sample images' }).getByRole('button', { name: 'Chelsea the cat' }).click();
  await expect(alertRegion(page)).toBeEmpty();

  // Asked for again, Chinese is tried again, and its old failure is not said while it loads.
  const held: import('@playwright/test').Route[] = [];
  await page.unroute('**/assets/zh-*.js');
  await page.route('**/assets/zh-*.js', (route) => { held.push(route); });
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '简体中文' }).click();
  await expect.poll(() => held.length).toBe(1);
  await expect(alertRegion(page)).toBeEmpty();
  await held[0]?.abort();
  await expect(alertRegion(page)).toHaveText('The 简体中文 texts could not be loaded, so the page stays in English. Reload the page to try again.');
});

function predictions(page: import('@playwright/test').Page) {
  return page.getByRole('list', { name: 'Top-5 predictions' }).getByRole('listitem');
}

test.describe('a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });
  test('opens in Chinese without lang= in the address, and says so in Chinese when lang= is unknown', async ({ page }) => {
    await page.goto('/?preset=signs');
    await expect(page.getByRole('heading', { name: 'ResNet50 探索器', level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByLabel('图像文件')).toBeAttached();
    await expect(page).not.toHaveURL(/lang=/);
    // 23,600,006 parameters, grouped by Intl in Chinese too.
    await expect(page.getByText('23,600,006').first()).toBeVisible();

    await page.goto('/?preset=signs&lang=fr');
    await expect(page.getByRole('alert')).toHaveText('没有“fr”这种语言，因此页面使用浏览器的语言。可用的语言：en, zh。');
    await expect(page.getByRole('heading', { name: 'ResNet50 探索器', level: 1 })).toBeVisible();
  });
});
