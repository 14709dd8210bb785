/** Drives the bench page: one fresh browser context (and page load) per backend run. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AttributionFigures, AttributionPlan, BackendFigures, BenchBackend, EngineInfo, RunPlan } from '../core/types';
import '../core/page-api';
import { prepareContext } from './browser';
import { log } from './log';

function forwardConsole(page: Page): void {
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('[bench] ')) log(`page ${text.slice(8)}`);
    else if (message.type() === 'error' && !text.includes('404')) log(`page error: ${text}`);
  });
  page.on('pageerror', (error) => log(`page exception: ${error.message}`));
}

async function openPage(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await prepareContext(await browser.newContext());
  const page = await context.newPage();
  forwardConsole(page);
  await page.goto(`${baseUrl}/`);
  await page.waitForFunction(() => window.bench !== undefined);
  return { context, page };
}

/** Loads the bench page from `baseUrl` and runs `plan` in it. */
export async function runPage(browser: Browser, baseUrl: string, plan: RunPlan): Promise<BackendFigures> {
  const { context, page } = await openPage(browser, baseUrl);
  try {
    return await page.evaluate((p) => {
      if (!window.bench) throw new Error('the bench page did not start');
      return window.bench.run(p);
    }, plan);
  } finally {
    await context.close();
  }
}

/** Loads the bench page from `baseUrl` and measures the attribution figures in it. */
export async function runAttribution(browser: Browser, baseUrl: string, plan: AttributionPlan): Promise<AttributionFigures> {
  const { context, page } = await openPage(browser, baseUrl);
  try {
    return await page.evaluate((p) => {
      if (!window.bench) throw new Error('the bench page did not start');
      return window.bench.attribution(p);
    }, plan);
  } finally {
    await context.close();
  }
}

export interface Predictor {
  readonly info: EngineInfo;
  predict(): Promise<number>;
  close(): Promise<void>;
}

/** A bench page with a session open, answering one bare predict at a time. */
export async function openPredictor(browser: Browser, baseUrl: string, backend: BenchBackend): Promise<Predictor> {
  const { context, page } = await openPage(browser, baseUrl);
  try {
    const info = await page.evaluate((b) => {
      if (!window.bench) throw new Error('the bench page did not start');
      return window.bench.open(b);
    }, backend);
    return {
      info,
      predict: () => page.evaluate(() => {
        if (!window.bench) throw new Error('the bench page did not start');
        return window.bench.predict();
      }),
      close: () => context.close(),
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}
