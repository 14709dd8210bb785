import { expect, type Locator, type Page, type Worker } from '@playwright/test';
import { TEST_SEAM } from '../src/client/test-seam';

/** The ImageNet model is ready once the loading bar has gone and the totals are shown. */
export async function waitForModel(page: Page): Promise<void> {
  await expect(page.getByRole('region', { name: 'Model totals' })).toBeVisible();
  await expect(page.getByLabel('Model loading')).toHaveCount(0);
}

/** Drops a file on the drop zone through a real DragEvent carrying a DataTransfer. */
export async function dropSample(page: Page, url: string, name: string): Promise<void> {
  await page.evaluate(async ({ url, name }) => {
    const blob = await (await fetch(url)).blob();
    const data = new DataTransfer();
    data.items.add(new File([blob], name, { type: blob.type }));
    const zone = document.querySelector('[data-testid="drop-zone"]');
    if (!zone) throw new Error('no drop zone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, { url, name });
}

export function predictions(page: Page): Locator {
  return page.getByRole('list', { name: 'Top-5 predictions' }).getByRole('listitem');
}

export async function tensorCount(page: Page): Promise<number> {
  const text = await page.getByRole('status', { name: 'Diagnostics' }).textContent();
  const match = /Tensors: (\d+)/.exec(text ?? '');
  if (!match) throw new Error(`no tensor count in "${text}"`);
  return Number(match[1]);
}

/** True when a canvas has at least two different pixel values (it is not blank). */
export async function canvasHasContent(canvas: Locator): Promise<boolean> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (!ctx || c.width === 0 || c.height === 0) return false;
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const seen = new Set<string>();
    for (let i = 0; i < data.length && seen.size < 2; i += 4) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`);
    return seen.size > 1;
  });
}

/**
 * The Layer inspector's channel grid: a button per map, named "Channel N", laid over the one
 * canvas the page of maps is painted into (decorative, so hidden from assistive technology).
 */
export function channelGrid(page: Page): { readonly tiles: Locator; readonly canvas: Locator; readonly pages: Locator } {
  const maps = page.getByRole('region', { name: 'Layer inspector' }).getByRole('region', { name: 'Feature maps' });
  return {
    tiles: maps.getByRole('button', { name: /^Channel \d+$/ }),
    canvas: maps.locator('canvas[aria-hidden="true"]'),
    pages: maps.getByRole('navigation', { name: 'Channel pages' }),
  };
}

/** True when the centre of `inner`'s box lies inside `outer`'s box (what is drawn under what). */
export async function centreInside(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  if (!a || !b) return false;
  const [x, y] = [a.x + a.width / 2, a.y + a.height / 2];
  return x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height;
}

interface EngineMemory {
  readonly numTensors: number;
  readonly numBytes: number;
}

/** The dedicated worker the model runs in (tfjs's WASM threads are blob: workers of their own). */
export async function modelWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().some((w) => w.url().includes('model.worker')), { timeout: 30_000 }).toBe(true);
  const worker = page.workers().find((w) => w.url().includes('model.worker'));
  if (!worker) throw new Error('no model worker');
  return worker;
}

/**
 * tf.memory() read straight from tfjs's engine inside the model worker, which tfjs keeps on
 * the worker's global object (`_tfengine`): the app exposes nothing for tests. Null while a
 * backend is starting.
 */
export async function engineMemory(page: Page): Promise<EngineMemory | null> {
  const worker = await modelWorker(page);
  return worker.evaluate(() => {
    const engine = (globalThis as unknown as { _tfengine?: { memory(): EngineMemory } })._tfengine;
    try {
      const { numTensors, numBytes } = engine?.memory() ?? { numTensors: -1, numBytes: -1 };
      return { numTensors, numBytes };
    } catch {
      return null;
    }
  });
}

/**
 * Waits until the tensor count and bytes have not moved for `quietMs` (the layer reads that
 * follow a result have finished; on software WebGL the first ones compile shaders for seconds).
 */
export async function settledMemory(page: Page, quietMs = 400): Promise<EngineMemory> {
  let last = '';
  let since = Date.now();
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await page.waitForTimeout(100)) {
    const now = JSON.stringify(await engineMemory(page));
    if (now !== last || now === 'null') [last, since] = [now, Date.now()];
    else if (Date.now() - since >= quietMs) return JSON.parse(now) as EngineMemory;
  }
  throw new Error(`memory never settled (last ${last})`);
}

/** Polls until tf.memory() is back at `baseline` (tensors and bytes). */
export async function expectMemory(page: Page, baseline: EngineMemory): Promise<void> {
  await expect.poll(() => engineMemory(page), { timeout: 20_000 }).toEqual(baseline);
}

export function alertRegion(page: Page): Locator {
  return page.getByRole('alert', { includeHidden: true });
}

/** The status shown for one file in the "Files" list. */
export function fileStatus(page: Page, name: string): Locator {
  return page.getByRole('list', { name: 'Files' }).getByRole('listitem').filter({ hasText: name }).locator('.state');
}

/** RGBA of one pixel of a canvas, at fractions of its width and height. */
export async function canvasPixel(canvas: Locator, fx: number, fy: number): Promise<number[]> {
  return canvas.evaluate((el, [x, y]) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    return Array.from(ctx.getImageData(Math.floor(c.width * x), Math.floor(c.height * y), 1, 1).data);
  }, [fx, fy]);
}

/** WebGL renderer strings for the test seam: one of each kind the backend chooser tells apart. */
export const RENDERERS = {
  software: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
  hardware: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)',
} as const;

/** Makes the page report `renderer` as its WebGL renderer (src/client/test-seam.ts), from the next navigation on. */
export async function reportRenderer(page: Page, renderer: string): Promise<void> {
  await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [TEST_SEAM.renderer, renderer] as const);
}

/**
 * The WebGL renderer the page hands the backend chooser: the seam's when set, else what a
 * page canvas reports (null without WebGL), as src/client/connect.ts probes it.
 */
export async function pageRenderer(page: Page): Promise<string | null> {
  return page.evaluate((key) => {
    const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const probed = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return window.localStorage.getItem(key) ?? probed;
  }, TEST_SEAM.renderer);
}

/**
 * The WASM thread pool tfjs-backend-wasm 4.22 builds for a core count
 * (navigator.hardwareConcurrency where it runs), as measured: 1 → 1, 2 to 5 → 2, then half
 * the cores (6 → 3, 8 → 4, 16 → 8), at most 8 (the pthread workers it creates up front).
 */
export function tfjsWasmThreads(cores: number): number {
  return cores <= 1 ? 1 : Math.min(8, Math.max(2, Math.floor(cores / 2)));
}

type Box = { readonly x: number; readonly y: number; readonly width: number; readonly height: number };

/** The boxes of `named`, by name; each must be rendered. */
export async function boxes(named: Readonly<Record<string, Locator>>): Promise<Record<string, Box>> {
  const out: Record<string, Box> = {};
  for (const [name, locator] of Object.entries(named)) {
    const box = await locator.boundingBox();
    if (!box) throw new Error(`${name} is not rendered`);
    out[name] = box;
  }
  return out;
}

/** Pairs of `named` whose boxes overlap by more than a pixel either way ("a / b"). */
export function overlaps(named: Readonly<Record<string, Box>>): string[] {
  const entries = Object.entries(named);
  return entries.flatMap(([a, p], i) => entries.slice(i + 1).flatMap(([b, q]) => {
    const across = Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x);
    const down = Math.min(p.y + p.height, q.y + q.height) - Math.max(p.y, q.y);
    return across > 1 && down > 1 ? [`${a} / ${b}`] : [];
  }));
}

/** True when `inner` lies inside `outer` (a pixel of rounding allowed). */
export function within(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - 1 && inner.y >= outer.y - 1
    && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;
}

/**
 * Makes the page refuse module workers, as a strict policy would, so the model runs in the
 * page (tfjs's own WASM thread workers, classic ones, still start). Call before goto.
 */
export async function refuseModuleWorkers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        if (options?.type === 'module') throw new DOMException('Workers are not allowed here', 'SecurityError');
        super(url, options);
      }
    };
  });
}
