/**
 * Backend faults (issue cases 16-18): WebGL missing or software-only and WASM blocked fall
 * back in order with the reason shown; a lost WebGL context is noticed, the model moves to
 * WASM in place and the image runs again; a GPU failure during a run offers WASM.
 * WebGL runs use the small SIGNS model: SwiftShader needs a minute for ImageNet's.
 */
import { expect, test, type Page } from '@playwright/test';
import { alertRegion, dropSample, expectMemory, fileStatus, modelWorker, predictions, RENDERERS, reportRenderer, settledMemory, waitForModel } from './helpers';

function diagnostics(page: Page) {
  return page.getByRole('status', { name: 'Diagnostics' });
}

/** WASM blocked: its .wasm files never arrive (a proxy or policy that refuses them). */
async function blockWasm(page: Page) {
  await page.route('**/*.wasm', (route) => route.abort('blockedbyclient'));
}

test('no WebGL and WASM blocked: falls back to CPU and says why', async ({ page }) => {
  await page.addInitScript(() => {
    // A browser without WebGL: every WebGL context request fails, 2D still works.
    for (const proto of [HTMLCanvasElement.prototype, OffscreenCanvas.prototype] as { getContext: (...args: unknown[]) => unknown }[]) {
      const original = proto.getContext;
      proto.getContext = function (this: unknown, ...args: unknown[]) {
        return String(args[0]).includes('webgl') ? null : original.apply(this, args);
      };
    }
  });
  await blockWasm(page);
  await page.goto('/?preset=signs');
  await expect(diagnostics(page).getByTestId('backend')).toHaveText('cpu', { timeout: 60_000 });
  await expect(diagnostics(page)).toContainText('WebGL is not available in this browser');
  await expect(diagnostics(page)).toContainText('wasm could not start');
  await waitForModel(page);
  await dropSample(page, '/samples/chelsea.png', 'chelsea.png');
  await expect(predictions(page)).toHaveCount(5);
  await expect(alertRegion(page)).toBeEmpty();
});

test('software WebGL and WASM blocked: WebGL after all, with both reasons shown', async ({ page }) => {
  await reportRenderer(page, RENDERERS.software);
  await blockWasm(page);
  await page.goto('/?preset=signs');
  await expect(diagnostics(page).getByTestId('backend')).toHaveText('webgl', { timeout: 60_000 });
  await expect(diagnostics(page)).toContainText('software-rendered');
  await expect(diagnostics(page)).toContainText('wasm could not start');
  await waitForModel(page);
  await expect(alertRegion(page)).toBeEmpty();
});

interface Engine {
  readonly ENV: { set(flag: string, value: number): void };
  readonly backendInstance: { readonly gpgpu: { readonly gl: WebGL2RenderingContext } };
}

/** Runs `fn` on tfjs's engine in the model worker (tfjs keeps it on the global object; the app exposes nothing). */
async function onEngine(page: Page, fn: string): Promise<void> {
  const worker = await modelWorker(page);
  await worker.evaluate((body) => {
    const engine = (globalThis as unknown as { _tfengine: Engine })._tfengine;
    new Function('engine', body)(engine);
  }, fn);
}

async function catOnWebGL(page: Page): Promise<string[]> {
  await page.goto('/?preset=signs&backend=webgl');
  await waitForModel(page);
  await expect(diagnostics(page).getByTestId('backend')).toHaveText('webgl');
  await dropSample(page, '/samples/chelsea.png', 'chelsea.png');
  await expect(predictions(page)).toHaveCount(5);
  return (await predictions(page).allTextContents()).map((t) => t.replace(/[\d.]+%$/, ''));
}

function labels(page: Page) {
  return predictions(page).evaluateAll((items) => items.map((li) => (li.textContent ?? '').replace(/[\d.]+%$/, '')));
}

test('a GPU failure during a run (texture too large) is caught and WASM is offered', async ({ page }) => {
  const cat = await catOnWebGL(page);
  const baseline = await settledMemory(page, 3000);
  // The GPU now refuses any texture over 16 x 16, as a small or exhausted GPU does.
  await onEngine(page, "engine.ENV.set('WEBGL_MAX_TEXTURE_SIZE', 16);");
  await dropSample(page, '/samples/coffee.png', 'coffee.png');
  const alert = alertRegion(page);
  await expect(alert).toContainText('coffee.png: The graphics card could not run the network on this image');
  await expect(alert).toContainText('texture size');
  expect(await labels(page)).toEqual(cat);
  await expect(page.getByRole('img', { name: 'Original: chelsea.png' })).toBeVisible();
  await expectMemory(page, baseline);

  await alert.getByRole('button', { name: 'Switch to WASM' }).click();
  await expect(diagnostics(page).getByTestId('backend')).toHaveText('wasm');
  await expect(fileStatus(page, 'coffee.png')).toHaveText('done');
  await expect(page.getByRole('img', { name: 'Original: coffee.png' })).toBeVisible();
  await expect(predictions(page)).toHaveCount(5);
  await expect(alert).toBeEmpty();
  await expectMemory(page, baseline);
});

test('a lost WebGL context is noticed: WASM takes over in place and the image runs again', async ({ page }) => {
  const cat = await catOnWebGL(page);
  const baseline = await settledMemory(page, 3000);
  await onEngine(page, "engine.backendInstance.gpgpu.gl.getExtension('WEBGL_lose_context').loseContext();");
  await expect(alertRegion(page)).toContainText('lost its WebGL context');
  await expect(alertRegion(page)).toContainText('switched to WASM');
  await expect(diagnostics(page).getByTestId('backend')).toHaveText('wasm');
  await expect(diagnostics(page)).toContainText('after the WebGL context was lost');
  await waitForModel(page);
  // Same seeded model, same image: the same classes in the same order, not a lost context's zeros.
  await expect.poll(() => labels(page)).toEqual(cat);
  await expect(page.getByRole('img', { name: 'Original: chelsea.png' })).toBeVisible();
  await expectMemory(page, baseline);

  await dropSample(page, '/samples/coffee.png', 'coffee.png');
  await expect(fileStatus(page, 'coffee.png')).toHaveText('done');
  await expect(alertRegion(page)).toBeEmpty();
  await expectMemory(page, baseline);
});
