/**
 * The model runs in a dedicated worker (that the page answers while it runs is checked on
 * WebGL in classify.spec.ts). The page runs the model itself when no worker can, and
 * survives a worker that dies mid-run with nothing shown lost.
 */
import { expect, test, type Page } from '@playwright/test';
import { alertRegion, dropSample, fileStatus, modelWorker, predictions, refuseModuleWorkers, settledMemory, waitForModel } from './helpers';

function diagnostics(page: Page) {
  return page.getByRole('status', { name: 'Diagnostics' });
}

async function classifiesInThePage(page: Page, why: RegExp) {
  await expect(diagnostics(page).getByTestId('host')).toContainText('the page', { timeout: 60_000 });
  await expect(diagnostics(page).getByTestId('host-reason')).toContainText(why);
  await waitForModel(page);
  await dropSample(page, '/samples/chelsea.png', 'chelsea.png');
  await expect(predictions(page)).toHaveCount(5);
  await expect(fileStatus(page, 'chelsea.png')).toHaveText('done');
  await expect(diagnostics(page)).toContainText(/Tensors: [1-9]\d*/);
  await expect(alertRegion(page)).toBeEmpty();
}

test('worker creation refused: the model runs in the page, and Diagnostics says why', async ({ page }) => {
  await refuseModuleWorkers(page);
  await page.goto('/?backend=wasm&preset=signs');
  await classifiesInThePage(page, /Web Worker could not start \(Workers are not allowed here\)/);
});

test('in 简体中文, Diagnostics says in Chinese why the model runs in the page, the worker’s own error inside', async ({ page }) => {
  await refuseModuleWorkers(page);
  await page.goto('/?backend=wasm&preset=signs&lang=zh');
  const status = page.getByRole('status', { name: '诊断信息' });
  await expect(status.getByTestId('host')).toContainText('页面', { timeout: 60_000 });
  await expect(status.getByTestId('host-reason')).toHaveText('在页面中运行：模型的 Web Worker 无法启动（Workers are not allowed here）');
  await expect(status).toContainText('按要求使用 wasm');
});

test('a worker script that cannot load: the model runs in the page', async ({ page }) => {
  await page.route('**/model.worker*.js', (route) => route.abort('blockedbyclient'));
  await page.goto('/?backend=wasm&preset=signs');
  await classifiesInThePage(page, /Web Worker could not start/);
});

test('a worker that dies mid-run: the page says so, starts a fresh one, and loses nothing', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await waitForModel(page);
  await dropSample(page, '/samples/chelsea.png', 'chelsea.png');
  await expect(fileStatus(page, 'chelsea.png')).toHaveText('done');
  // The reads that follow a result (tint, network view) are over once the memory is still.
  await settledMemory(page);
  const first = await modelWorker(page);
  const dead = new Promise<void>((resolve) => first.once('close', () => resolve()));

  // The worker will close itself at the first kernel of the next image's pass, so that its
  // answer never comes, as a crash or an out-of-memory kill would end it.
  await first.evaluate(() => {
    const engine = (globalThis as unknown as { _tfengine: { runKernel: (...args: unknown[]) => unknown } })._tfengine;
    const runKernel = engine.runKernel.bind(engine);
    engine.runKernel = (...args: unknown[]) => {
      self.close();
      return runKernel(...args);
    };
  });
  // The fresh worker's weights are held until the page has been seen while it reloads
  // (a fast machine would otherwise have run the next image before the checks below).
  let checked: () => void = () => undefined;
  const afterChecks = new Promise<void>((resolve) => { checked = resolve; });
  await page.route('**/models/resnet50-f16/*.bin', (route) => afterChecks.then(() => route.continue().catch(() => undefined)));
  await dropSample(page, '/samples/coffee.png', 'coffee.png');
  await dead;
  await expect(alertRegion(page)).toContainText('worker stopped unexpectedly');
  await expect(alertRegion(page)).toContainText('A fresh one was started');
  // What was on show stays: the last image and its predictions, while the model reloads.
  await expect(page.getByRole('img', { name: 'Original: chelsea.png' })).toBeVisible();
  await expect(predictions(page).first()).toContainText('Egyptian cat');
  checked();

  await expect(fileStatus(page, 'coffee.png')).toHaveText('done', { timeout: 90_000 });
  await expect(page.getByRole('img', { name: 'Original: coffee.png' })).toBeVisible();
  await expect(predictions(page).first()).toContainText('espresso');
  await expect(diagnostics(page).getByTestId('host')).toContainText('a worker');
  const fresh = await modelWorker(page);
  expect(fresh).not.toBe(first);
  // The fresh worker's activations are readable: a layer opens in the inspector.
  await page.getByRole('button', { name: 'stem', exact: true }).click();
  await page.getByRole('button', { name: 'conv1', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Layer inspector' })).toContainText('(112, 112, 64)');
  await expect(alertRegion(page)).not.toContainText('could not be read');
});
