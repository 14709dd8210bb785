/**
 * mainThread: the real built app's main thread while it classifies a run of images, one
 * after another, through its "Image file" input: every task over 50 ms
 * (PerformanceObserver 'longtask', observed from page start by an init script), with a
 * layer selected so that each image is also read and painted in the Layer inspector.
 * On WASM the same page goes on to `memoryImages` images, and the model worker's own
 * tf.memory() (globalThis._tfengine in the worker) is read after image 1 and the last.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { growthFigures } from '../core/loop';
import { median, round } from '../core/stats';
import type { BenchBackend, MainThreadFigures, WorkerMemoryFigures } from '../core/types';
import { ROOT } from './app-server';
import { prepareContext } from './browser';
import { longTasks, watchPage, type LongTask } from './in-page';
import { log } from './log';

const SAMPLES = ['chelsea.png', 'coffee.png'].map((name) => path.join(ROOT, 'public/samples', name));
/** Selected from the start (?layer=): every image is read and painted in the inspector too. */
const LAYER = 'res2a_relu';
const READY_TIMEOUT_MS = 300_000;
const IMAGE_TIMEOUT_MS = 300_000;
/** After the last image: anything the page still does for it lands in the window. */
const SETTLE_MS = 500;

export interface MainThreadPlan {
  readonly backend: BenchBackend;
  /** 'signs' when ImageNet is too slow on this backend (software WebGL). */
  readonly preset: 'imagenet' | 'signs';
  /** Images in the long-task window. */
  readonly images: number;
  /** Images in all (the window's first), for the worker's memory figures (0: not measured). */
  readonly memoryImages: number;
}

export interface MainThreadRun {
  readonly figures: MainThreadFigures;
  readonly memory: WorkerMemoryFigures | null;
}

async function waitReady(page: Page, backend: BenchBackend): Promise<string> {
  await page.waitForFunction(() => {
    const input = document.querySelector<HTMLInputElement>('input[aria-label="Image file"]');
    const backendShown = document.querySelector('[data-testid="backend"]')?.textContent ?? '';
    return input !== null && !input.disabled && !document.querySelector('[aria-label="Model loading"]') && !backendShown.includes('starting');
  }, undefined, { timeout: READY_TIMEOUT_MS, polling: 200 });
  const status = (await page.getByRole('status', { name: 'Diagnostics' }).textContent()) ?? '';
  const shown = (await page.getByTestId('backend').textContent())?.trim() ?? '';
  if (shown !== backend) throw new Error(`the app runs on ${shown}, not ${backend} (${status})`);
  if (!status.includes('a worker')) throw new Error(`the app's model does not run in a worker: ${status}`);
  return status;
}

/**
 * Submits one file and waits until it is shown: "done" in Files, five predictions, the layer
 * read. The wait polls with a few querySelector calls once a frame: Playwright's role
 * locators would run its accessibility query engine over the whole page on the main
 * thread, the very thread being measured (~100 ms a poll here with the graph drawn).
 */
async function oneImage(page: Page, file: string): Promise<number> {
  const name = path.basename(file);
  const start = Date.now();
  // The input by its accessible name, found with CSS (cheaper than a label query on the page).
  await page.locator('input[aria-label="Image file"]').setInputFiles(file);
  await page.waitForFunction(({ name: fileName, layer }) => {
    const items = Array.from(document.querySelectorAll('[aria-label="Files"] li'));
    const done = items.some((li) => {
      const text = li.textContent?.trim() ?? '';
      return text.startsWith(fileName) && text.endsWith('done');
    });
    const inspector = document.querySelector('[aria-label="Layer inspector"]');
    const top = document.querySelectorAll('[aria-label="Top-5 predictions"] li').length;
    return done && top >= 5 && inspector?.querySelector('h2')?.textContent?.trim() === layer && !inspector.querySelector('[aria-busy="true"]');
  }, { name, layer: LAYER }, { timeout: IMAGE_TIMEOUT_MS, polling: 'raf' });
  return Date.now() - start;
}

interface Reading {
  readonly numTensors: number;
  readonly numBytes: number;
}

/** tf.memory() inside the app's model worker, read twice 300 ms apart until it agrees. */
async function workerMemory(page: Page): Promise<Reading> {
  const worker = page.workers().find((w) => w.url().includes('model.worker'));
  if (!worker) throw new Error(`no model worker among ${page.workers().map((w) => w.url()).join(', ') || 'none'}`);
  const read = () => worker.evaluate(() => {
    const engine = (globalThis as unknown as { _tfengine?: { memory(): Reading } })._tfengine;
    if (!engine) throw new Error('no tfjs engine in the model worker');
    const { numTensors, numBytes } = engine.memory();
    return { numTensors, numBytes };
  });
  let last = await read();
  for (let i = 0; i < 10; i += 1) {
    await page.waitForTimeout(300);
    const next = await read();
    if (next.numTensors === last.numTensors && next.numBytes === last.numBytes) return next;
    last = next;
  }
  return last;
}

function within(tasks: readonly LongTask[], from: number, to: number): LongTask[] {
  return tasks.filter((t) => t.start >= from && t.start < to);
}

function longest(tasks: readonly LongTask[]): number {
  return round(tasks.reduce((max, t) => Math.max(max, t.duration), 0));
}

export async function measureMainThread(browser: Browser, url: string, plan: MainThreadPlan): Promise<MainThreadRun> {
  const context = await prepareContext(await browser.newContext({ viewport: { width: 1280, height: 800 } }));
  try {
    await context.addInitScript(watchPage);
    const page = await context.newPage();
    page.on('pageerror', (error) => log(`warning: the app threw: ${error.message}`));
    const query = new URLSearchParams({ preset: plan.preset, backend: plan.backend, layer: LAYER });
    await page.goto(`${url}/?${query.toString()}`);
    const status = await waitReady(page, plan.backend);
    const readyAt = await page.evaluate(() => performance.now());
    const times: number[] = [];
    let first: Reading | null = null;
    for (let i = 0; i < plan.images; i += 1) {
      times.push(await oneImage(page, SAMPLES[i % SAMPLES.length]));
      // Read in the worker (no main-thread work): only the window's wall time grows.
      if (i === 0 && plan.memoryImages > 0) first = await workerMemory(page);
    }
    await page.waitForTimeout(SETTLE_MS);
    const endAt = await page.evaluate(() => performance.now());
    const tasks = await page.evaluate(longTasks);
    if (!tasks) throw new Error('the page observed no long tasks: the init script did not run');
    const window = within(tasks, readyAt, endAt);
    const startup = within(tasks, 0, readyAt);
    const figures: MainThreadFigures = {
      backend: plan.backend,
      preset: plan.preset,
      softwareRendered: /software-rendered/.test(status),
      images: plan.images,
      longestTaskMs: longest(window),
      longTasks: window.length,
      longTasksTotalMs: round(window.reduce((sum, t) => sum + t.duration, 0)),
      perImageMs: round(median(times)),
      startupLongestTaskMs: longest(startup),
      startupLongTasks: startup.length,
    };
    log(`app main thread (${plan.backend}, ${plan.preset}, ${plan.images} images, ${Math.round(figures.perImageMs)} ms each): `
      + `longest task ${figures.longestTaskMs} ms, ${figures.longTasks} over 50 ms (${window.map((t) => Math.round(t.duration)).join(', ') || 'none'}); `
      + `start-up ${startup.map((t) => Math.round(t.duration)).join(', ') || 'none'}`);
    if (!first) return { figures, memory: null };
    for (let i = plan.images; i < plan.memoryImages; i += 1) await oneImage(page, SAMPLES[i % SAMPLES.length]);
    const images = Math.max(plan.images, plan.memoryImages);
    const last = await workerMemory(page);
    log(`app worker memory: ${first.numTensors} tensors after 1 image, ${last.numTensors} after ${images}`);
    return { figures, memory: growthFigures(first, last, images) };
  } finally {
    await context.close();
  }
}

