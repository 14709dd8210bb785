/**
 * Weight files missing, truncated, corrupt or replaced by a web page (issue case 15): the
 * load stops with a message naming the file and `npm run weights`, the architecture view
 * still works, and classification is off (and says why) instead of guessing.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { alertRegion } from './helpers';

const SHARDS = '**/models/resnet50-f16/';

type Fault = (route: Route) => Promise<void>;

const FAULTS: readonly { what: string; file: string; fault: Fault; says: RegExp }[] = [
  {
    what: 'a missing shard',
    file: 'group1-shard3of13.bin',
    fault: (route) => route.fulfill({ status: 404, body: 'Not found' }),
    says: /Weights file group1-shard3of13\.bin is missing/,
  },
  {
    what: 'a truncated shard',
    file: 'group1-shard5of13.bin',
    fault: async (route) => {
      const body = await (await route.fetch()).body();
      await route.fulfill({ status: 200, contentType: 'application/octet-stream', body: body.subarray(0, body.length >> 1) });
    },
    says: /Weights file group1-shard5of13\.bin is truncated/,
  },
  {
    what: 'a corrupt shard (hash mismatch)',
    file: 'group1-shard13of13.bin',
    fault: async (route) => {
      const body = Buffer.from(await (await route.fetch()).body());
      for (let i = 1000; i < body.length; i += 4099) body[i] ^= 0xff;
      await route.fulfill({ status: 200, contentType: 'application/octet-stream', body });
    },
    says: /Weights file group1-shard13of13\.bin is damaged or not the expected one: its SHA-256 is/,
  },
  {
    what: 'a web page in place of a shard',
    file: 'group1-shard1of13.bin',
    fault: (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html><body>Sign in</body></html>' }),
    says: /Weights file group1-shard1of13\.bin is a web page or text/,
  },
  {
    what: 'a missing model.json',
    file: 'model.json',
    fault: (route) => route.fulfill({ status: 404, body: 'Not found' }),
    says: /Weights file model\.json is missing/,
  },
];

async function expectArchitectureOnly(page: Page) {
  const totals = page.getByRole('region', { name: 'Model totals' });
  await expect(totals.getByTestId('total-params')).toHaveText('25,636,712');
  const graph = page.getByRole('region', { name: 'Network graph' });
  await graph.getByRole('button', { name: 'stage 2', exact: true }).click();
  await expect(graph.getByRole('button', { name: 'res2a', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Layer table' }).click();
  await expect(page.getByRole('row', { name: /pool1_pad ZeroPadding2D/ })).toContainText('(None, 114, 114, 64)');
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(page.getByText('Classification is off: the ImageNet weights did not load')).toBeVisible();
  await expect(page.getByLabel('Image file')).toBeDisabled();
  await expect(page.getByLabel('Model loading')).toHaveCount(0);
}

for (const { what, file, fault, says } of FAULTS) {
  test(`${what}: the message names ${file} and says to run npm run weights; the architecture still shows`, async ({ page }) => {
    await page.route(`${SHARDS}${file}`, fault);
    await page.goto('/?backend=wasm');
    const alert = alertRegion(page);
    await expect(alert).toContainText(says);
    await expect(alert).toContainText('Run `npm run weights` to fetch them again.');
    await expectArchitectureOnly(page);
  });
}

test('in Chinese: the missing file is said in Chinese, and in English once the page is switched', async ({ page }) => {
  const { file, fault } = FAULTS[0];
  await page.route(`${SHARDS}${file}`, fault);
  await page.goto('/?backend=wasm&lang=zh');
  const alert = alertRegion(page);
  await expect(alert).toHaveText('模型加载失败：权重文件 group1-shard3of13.bin 缺失。请运行 `npm run weights` 重新获取权重文件。网络结构仍会显示（未载入权重）；权重载入之前无法分类。');
  await expect(page.getByText(/^分类已停用：ImageNet 权重没有加载成功/)).toBeVisible();
  await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
  await expect(alert).toHaveText('The model could not be loaded: Weights file group1-shard3of13.bin is missing. Run `npm run weights` to fetch them again. '
    + 'The architecture is still shown (built without its weights); classification is off until the weights load.');
});

test('something dropped while classification is off is neither classified nor kept to run later', async ({ page }) => {
  const { file, fault } = FAULTS[0];
  await page.route(`${SHARDS}${file}`, fault);
  await page.goto('/?backend=wasm');
  await expect(page.getByText('Classification is off: the ImageNet weights did not load')).toBeVisible();
  // Once a model that can classify is ready (SIGNS), nothing is queued; the same drop there
  // is taken (so the first one did reach the zone).
  const drop = () => page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['x'], 'cat.png', { type: 'image/png' }));
    document.querySelector('[data-testid="drop-zone"]')?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await drop();
  await page.getByLabel('Preset').selectOption('signs');
  await expect(page.getByLabel('Image file')).toBeEnabled();
  await expect(page.getByLabel('Model loading')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Files' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Top-5 predictions' })).toHaveCount(0);
  await drop();
  await expect(page.getByRole('list', { name: 'Files' })).toContainText('cat.png');
});

test('leaving ImageNet mid-download stops the weight downloads and shows the other preset', async ({ page }) => {
  const held: Promise<void>[] = [];
  const aborted: string[] = [];
  page.on('requestfailed', (request) => {
    if (/\.bin$/.test(request.url())) aborted.push(request.failure()?.errorText ?? '');
  });
  // Hold every shard until the switch below has happened, so it always lands mid-download.
  let switched: () => void = () => undefined;
  const afterSwitch = new Promise<void>((resolve) => { switched = resolve; });
  await page.route(`${SHARDS}*.bin`, (route) => {
    const release = afterSwitch.then(() => route.continue().catch(() => undefined));
    held.push(release);
    return release;
  });
  await page.goto('/?backend=wasm');
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await page.getByLabel('Preset').selectOption('signs');
  await expect(page.getByRole('region', { name: 'Model totals' }).getByTestId('total-params')).toHaveText('23,600,006');
  switched();
  await Promise.all(held);
  await expect.poll(() => aborted.length).toBeGreaterThan(0);
  expect(aborted.every((text) => /ABORTED/i.test(text))).toBe(true);
  await expect(alertRegion(page)).toBeEmpty();
});
