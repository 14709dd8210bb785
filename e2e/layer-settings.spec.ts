import { expect, test } from '@playwright/test';

test('the inspector teaches the layer: its settings, shapes in and out, and how its parameters are made', async ({ page }) => {
  await page.goto('/?layer=res3a_branch2a');
  const settings = page.getByRole('region', { name: 'Layer inspector' }).getByRole('group', { name: 'Layer settings' });
  await expect(settings).toContainText('Filters128');
  await expect(settings).toContainText('Kernel1×1');
  await expect(settings).toContainText('Stride2');
  await expect(settings).toContainText('(56, 56, 256) → (28, 28, 128)');
  await expect(settings).toContainText('1·1·256·128 + 128 = 32,896');
  await page.getByRole('button', { name: 'Next layer' }).click();
  await expect(settings).toContainText('4 × 128 = 512, of which 256 trainable');
});

test('a layer node’s accessible description gives its settings and parameter arithmetic', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'stage 2', exact: true }).click();
  await page.getByRole('button', { name: 'res2a', exact: true }).click();
  const node = page.getByRole('button', { name: 'res2a_branch2b', exact: true });
  await expect(node).toHaveAccessibleDescription(/filters 64, kernel 3×3, stride 1, padding same; \(56, 56, 64\) → \(56, 56, 64\); parameters 3·3·64·64 \+ 64 = 36,928/);
});

test('after an image runs, a node’s tint value is in its description, and the input is left untinted', async ({ page }) => {
  await page.goto('/?preset=signs&backend=wasm');
  await expect(page.getByLabel('Model loading')).toHaveCount(0);
  await page.getByLabel('Image file').setInputFiles('public/samples/chelsea.png');
  await expect(page.getByRole('list', { name: 'Top-5 predictions' }).getByRole('listitem')).toHaveCount(5);
  await expect(page.getByRole('button', { name: 'stage 2', exact: true })).toHaveAccessibleDescription(/Mean activation [−-]?\d/);
  await expect(page.getByRole('button', { name: 'input', exact: true })).not.toHaveAccessibleDescription(/Mean activation/);
  await page.getByRole('button', { name: 'stem', exact: true }).click();
  await expect(page.getByRole('button', { name: 'conv1_pad', exact: true })).not.toHaveAccessibleDescription(/Mean activation/);
  await expect(page.getByRole('button', { name: 'conv1', exact: true })).toHaveAccessibleDescription(/kernel 7×7.*\. Mean activation [−-]?\d/);
});

test('a walkthrough step’s layer chips open their layer, and the step stays open', async ({ page }) => {
  await page.goto('/');
  const walkthrough = page.getByRole('navigation', { name: 'Walkthrough' });
  const step = walkthrough.getByRole('region', { name: /THE IDENTITY BLOCK/i }).getByRole('button', { name: /Main path 2: f×f conv, BatchNorm, ReLU/ });
  await step.click();
  const chips = walkthrough.getByRole('list', { name: 'Highlighted in the graph' }).getByRole('button');
  await expect(chips.first()).toBeVisible();
  const name = (await chips.nth(1).textContent()) ?? '';
  expect(name).toMatch(/^[a-z0-9_]+$/);
  await chips.nth(1).click();
  await expect(page.getByRole('region', { name: 'Layer inspector' }).getByRole('heading', { level: 2 })).toHaveText(name);
  await expect(page).toHaveURL(new RegExp(`layer=${name}`));
  await expect(step).toHaveAttribute('aria-pressed', 'true');
});

test('the input layer is inspected like any layer: the image as the network reads it, three channels', async ({ page }) => {
  await page.goto('/?preset=signs&backend=wasm');
  await expect(page.getByLabel('Model loading')).toHaveCount(0);
  await page.getByLabel('Image file').setInputFiles('public/samples/chelsea.png');
  await expect(page.getByRole('list', { name: 'Top-5 predictions' }).getByRole('listitem')).toHaveCount(5);
  await page.getByRole('button', { name: 'input', exact: true }).click();
  const inspector = page.getByRole('region', { name: 'Layer inspector' });
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('input');
  await expect(inspector.getByRole('button', { name: 'Channel 3', exact: true })).toBeVisible();
  await expect(inspector.getByRole('button', { name: 'Channel 4', exact: true })).toHaveCount(0);
  // SIGNS reads x / 255: every value of the input is in [0, 1].
  const max = inspector.locator('.insp-dl > div').filter({ has: page.locator('dt', { hasText: /^Max$/ }) }).locator('dd');
  await expect(max).toHaveText(/^(0(\.\d+)?|1)$/);
});

test('the inspector in 简体中文: settings, weights and statistics in Chinese, names and numbers as they are', async ({ page }) => {
  await page.goto('/?preset=signs&backend=wasm&lang=zh&layer=res3a_branch2a');
  await expect(page.getByLabel('模型加载')).toHaveCount(0);
  const inspector = page.getByRole('region', { name: '层检查器' });
  const settings = inspector.getByRole('group', { name: '层设置' });
  await expect(settings).toContainText('滤波器数128');
  await expect(settings).toContainText('步幅2');
  await expect(settings).toContainText('1·1·256·128 + 128 = 32,896');
  await expect(settings).toContainText('再加上每个滤波器一个偏置');
  const weights = inspector.getByRole('region', { name: '权重', exact: true });
  await expect(weights).toContainText('固定种子的随机初始化');
  await expect(weights.getByRole('img', { name: /^直方图（res3a_branch2a 的 kernel 权重）：共 32,768 个，分成 32 个区间/ })).toBeVisible();
  await page.getByRole('group', { name: '示例图像' }).getByRole('button', { name: '小猫 Chelsea' }).click();
  await expect(inspector.getByText('零值比例', { exact: true })).toBeVisible();
  await expect(inspector.getByText('数值直方图', { exact: true })).toBeVisible();
  await expect(inspector).not.toContainText('Zero fraction');
});
