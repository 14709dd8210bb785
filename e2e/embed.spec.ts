/**
 * `?embed=graph|block|walkthrough|inspector`: one part of the explorer, sized to an iframe,
 * with a link to the full explorer. Each mode is opened at an iframe's size (640x480, and a
 * phone's 390x844 for the screenshots), shows its part and none of the others; the graph,
 * block and walkthrough start no model at all. Framing itself is refused by the default
 * headers and allowed, to the listed site only, by a server started with EMBED_ORIGINS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { alertRegion, dropSample, expectMemory, settledMemory } from './helpers';

test.use({ viewport: { width: 640, height: 480 } });

/** Every request the page makes, and whether a model worker was started. */
function watchLoading(page: Page): { urls: string[] } {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return { urls };
}

const MODEL_FILES = /model\.worker|\.bin(\?|$)|model\.json|tfjs-backend-wasm/;

async function shoot(page: Page, info: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: info.outputPath(`${name}-640x480.png`) });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: info.outputPath(`${name}-390x844.png`) });
}

function openLink(page: Page) {
  return page.getByRole('link', { name: /Open in the full explorer/ });
}

/** What only the full page has: its masthead, input column, diagnostics. */
async function expectNoFullPage(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'ResNet50 Explorer' })).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Diagnostics' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Preset' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Top-5 predictions' })).toHaveCount(0);
}

test('embed=graph: the graph alone, from the architecture (no worker, no weights), with its link and keyboard', async ({ page }, info) => {
  const seen = watchLoading(page);
  await page.goto('/?embed=graph&lang=en');
  const main = page.getByRole('main', { name: 'The ResNet50 graph' });
  await expect(main).toBeVisible();
  await expect(main.getByRole('button', { name: 'stage 2', exact: true })).toBeVisible();
  await expectNoFullPage(page);
  await expect(page.getByLabel('Image file')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Layer inspector' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Main path 1/ })).toHaveCount(0);
  await expect(alertRegion(page)).toBeEmpty();
  // The frame is not scrolled: the graph is sized to it.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(480);

  const link = openLink(page);
  await expect(link).toHaveAttribute('target', '_blank');
  const origin = new URL(page.url()).origin;
  await expect(link).toHaveAttribute('href', `${origin}/?lang=en&preset=imagenet`);

  // Keyboard: a stage opens with Enter, a layer is selected with Enter, and the link follows it.
  await main.getByRole('button', { name: 'stem', exact: true }).focus();
  await page.keyboard.press('Enter');
  const conv1 = main.getByRole('button', { name: 'conv1', exact: true });
  await expect(conv1).toBeVisible();
  await conv1.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^conv1: /)).toBeVisible();
  await expect(link).toHaveAttribute('href', `${origin}/?lang=en&preset=imagenet&layer=conv1`);
  await shoot(page, info, 'graph');
  expect(page.workers()).toHaveLength(0);
  expect(seen.urls.filter((u) => MODEL_FILES.test(u))).toEqual([]);
});

test('embed=block: the graph opened at the block (a block or one of its layers in layer=), its summary beside it', async ({ page }, info) => {
  const seen = watchLoading(page);
  await page.goto('/?embed=block&preset=signs&layer=res3a');
  const main = page.getByRole('main', { name: 'Block res3a' });
  await expect(main).toBeVisible();
  await expect(main.getByRole('button', { name: 'res3a_branch2a', exact: true })).toBeVisible();
  await expect(main.getByRole('button', { name: 'res3a_branch1', exact: true })).toBeVisible();
  // Only this block is open: its neighbours are still closed.
  await expect(main.getByRole('button', { name: 'res3b_branch2a', exact: true })).toHaveCount(0);
  await expect(main.getByRole('button', { name: 'res2a_branch2a', exact: true })).toHaveCount(0);
  const summary = page.getByRole('region', { name: 'Layer inspector' });
  await expect(summary).toContainText('Convolutional block');
  await expect(summary).toContainText('383,232');
  await expectNoFullPage(page);
  await expect(openLink(page)).toHaveAttribute('href', /\/\?preset=signs&layer=res3a$/);
  await shoot(page, info, 'block');
  expect(page.workers()).toHaveLength(0);
  expect(seen.urls.filter((u) => MODEL_FILES.test(u))).toEqual([]);

  // A layer's name opens its block; a name that is neither says so and shows the whole graph.
  await page.goto('/?embed=block&preset=signs&layer=res4c_branch2b');
  await expect(page.getByRole('main', { name: 'Block res4c' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'res4c_branch2b', exact: true })).toBeVisible();
  await page.goto('/?embed=block&preset=signs&layer=res9z');
  await expect(alertRegion(page)).toContainText('“res9z” is neither a residual block nor one of its layers');
  await expect(page.getByRole('main', { name: 'The ResNet50 graph' })).toBeVisible();
});

test('embed=walkthrough: the walkthrough alone; a step chosen is where the full explorer opens', async ({ page }, info) => {
  const seen = watchLoading(page);
  await page.goto('/?embed=walkthrough&preset=signs');
  const main = page.getByRole('main', { name: 'The ResNet50 walkthrough' });
  await expect(main).toBeVisible();
  await expect(page.getByRole('region', { name: 'Network graph' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Layer inspector' })).toHaveCount(0);
  await expect(page.getByLabel('Image file')).toHaveCount(0);
  await expectNoFullPage(page);
  const step = main.getByRole('button', { name: /Shortcut: 1×1 conv with stride s/ });
  await step.focus();
  await page.keyboard.press('Enter');
  await expect(step).toHaveAttribute('aria-pressed', 'true');
  await expect(openLink(page)).toHaveAttribute('href', /\/\?preset=signs&layer=res3a_branch1$/);
  await shoot(page, info, 'walkthrough');
  expect(page.workers()).toHaveLength(0);
  expect(seen.urls.filter((u) => MODEL_FILES.test(u))).toEqual([]);
});

test('embed=inspector: one layer, given an image by a sample or a drop, in the frame; previous/next move the layer', async ({ page }, info) => {
  await page.goto('/?embed=inspector&preset=signs&layer=res2a_branch2a&backend=wasm');
  const main = page.getByRole('main', { name: 'Layer res2a_branch2a' });
  await expect(main).toBeVisible();
  const inspector = page.getByRole('region', { name: 'Layer inspector' });
  await expect(inspector).toContainText('res2a_branch2a');
  await expect(inspector).toContainText('(15, 15, 64)');
  await expect(page.getByLabel('Image file')).toBeAttached();
  await expect(page.getByRole('region', { name: 'Network graph' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Main path 1/ })).toHaveCount(0);
  await expectNoFullPage(page);

  await page.getByRole('button', { name: 'Chelsea the cat' }).click();
  await expect(page.getByText(/^chelsea\.png: /)).toBeVisible();
  await expect(inspector.getByText('Zero fraction')).toBeVisible();
  const baseline = await settledMemory(page);
  await dropSample(page, '/samples/coffee.png', 'coffee.png');
  await expect(page.getByText(/^coffee\.png: /)).toBeVisible();
  await expect(inspector.getByText('Zero fraction')).toBeVisible();
  // The frame lets each image's activations go, as the explorer does: the engine's tensors are back where they were.
  await expectMemory(page, baseline);
  await inspector.getByRole('button', { name: 'Next layer' }).click();
  await expect(page.getByRole('main', { name: 'Layer bn2a_branch2a' })).toBeVisible();
  await expect(openLink(page)).toHaveAttribute('href', /\/\?preset=signs&layer=bn2a_branch2a&backend=wasm$/);
  await expect(alertRegion(page)).toBeEmpty();
  await shoot(page, info, 'inspector');

  // No layer, or an unknown one: conv1, the second said in words.
  await page.goto('/?embed=inspector&preset=signs&layer=res2a_branch9');
  await expect(alertRegion(page)).toContainText('There is no layer named “res2a_branch9” in this model, so conv1 is shown instead.');
  await expect(page.getByRole('main', { name: 'Layer conv1' })).toBeVisible();
});

test('an unknown embed part is said, and the whole explorer shown', async ({ page }) => {
  await page.goto('/?embed=diagram&preset=signs');
  await expect(alertRegion(page)).toHaveText('There is no embedded part “diagram”, so the whole explorer is shown. Parts: graph, block, walkthrough, inspector.');
  await expect(page.getByRole('heading', { name: 'ResNet50 Explorer' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Diagnostics' })).toBeVisible();
  await expect(openLink(page)).toHaveCount(0);
});

test('the embed in 简体中文: its heading, link and notices follow lang=zh', async ({ page }) => {
  await page.goto('/?embed=block&preset=signs&layer=res2b&lang=zh');
  await expect(page.getByRole('main', { name: '残差块 res2b' })).toBeVisible();
  await expect(page.getByRole('link', { name: /在完整的探索器中打开/ })).toHaveAttribute('href', /lang=zh/);
  // The block's summary and a layer's sentence, in Chinese; layer names and shapes as they are.
  const summary = page.getByRole('region', { name: '层检查器' });
  await expect(summary.getByRole('list', { name: '残差块信息' })).toContainText('恒等块');
  await expect(summary.getByRole('group', { name: '残差块概要' })).toContainText('(15, 15, 256) 来自 res2a_relu');
  await expect(summary.getByRole('button', { name: '打开 res2b_branch2a', exact: true })).toBeVisible();
  await page.getByRole('region', { name: '网络结构图' }).getByRole('button', { name: 'res2b_branch2b', exact: true }).click();
  await expect(page.locator('.embed-caption')).toHaveText('res2b_branch2b：滤波器数 64，卷积核 3×3，步幅 1，填充 same；(15, 15, 64) → (15, 15, 64)；参数 3·3·64·64 + 64 = 36,928。');
});

/** `vite preview` of the same build, with EMBED_ORIGINS set, on a port of its own. */
async function embeddingServer(port: number, origins: string): Promise<ChildProcess> {
  const outDir = process.env.E2E_OUTDIR ? ['--outDir', process.env.E2E_OUTDIR] : [];
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', ...outDir], {
    env: { ...process.env, EMBED_ORIGINS: origins },
    stdio: 'pipe',
    detached: true,
  });
  return server;
}

/**
 * The course page: another origin (its own port), served for real. A page Playwright made up
 * would count as a public site, and Chromium keeps public pages from framing 127.0.0.1.
 */
async function coursePage(port: number): Promise<{ readonly origin: string; readonly server: Server; show(src: string): void }> {
  let body = '';
  const server = createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    show: (src) => {
      body = `<!doctype html><title>Course</title><h1>Week 3: residual networks</h1>
<iframe src="${src}" width="640" height="480" title="ResNet50 graph" allow="cross-origin-isolated"></iframe>`;
    },
  };
}

test('framing: refused by the default headers, allowed to the EMBED_ORIGINS site, which can embed the graph', async ({ page, request, baseURL }) => {
  const base = baseURL ?? '';
  const strict = await request.get(`${base}/?embed=graph`);
  expect(strict.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(strict.headers()['cross-origin-resource-policy']).toBeUndefined();

  const port = Number(new URL(base).port) + 1;
  const course = await coursePage(port + 1);
  const server = await embeddingServer(port, course.origin);
  try {
    const app = `http://127.0.0.1:${port}`;
    await expect.poll(async () => (await request.get(`${app}/`).catch(() => null))?.status(), { timeout: 60_000 }).toBe(200);
    const open = await request.get(`${app}/?embed=graph`);
    expect(open.headers()['content-security-policy']).toContain(`frame-ancestors ${course.origin}`);
    expect(open.headers()['content-security-policy']).not.toContain("frame-ancestors 'none'");
    expect(open.headers()['cross-origin-resource-policy']).toBe('cross-origin');
    expect(open.headers()['cross-origin-embedder-policy']).toBe('require-corp');

    course.show(`${app}/?embed=graph&preset=signs`);
    await page.goto(`${course.origin}/week3`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('main', { name: 'The ResNet50 graph' })).toBeVisible();
    await expect(frame.getByRole('button', { name: 'stage 2', exact: true })).toBeVisible();
    await expect(frame.getByRole('link', { name: /Open in the full explorer/ })).toHaveAttribute('href', `${app}/?preset=signs`);

    // The default server's page stays out of the same frame: Chromium shows its error page instead.
    course.show(`${base}/?embed=graph&preset=signs`);
    await page.goto(`${course.origin}/week4`);
    await expect(page.getByRole('heading', { name: 'Week 3: residual networks' })).toBeVisible();
    await expect.poll(() => page.frames().map((f) => f.url())).toContain('chrome-error://chromewebdata/');
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    course.server.close();
  }
});
