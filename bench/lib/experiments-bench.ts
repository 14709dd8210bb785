/** The experiment figures (issue 12): the bench page's lesion toggle and comparison curve, and evaluate's threads in Node. */
import type { Browser } from 'playwright-core';
import type { EvaluateFigures, ExperimentPageFigures, ExperimentPlan } from '../core/types';
import '../core/page-api';
import { prepareContext } from './browser';
import { log } from './log';
import { runNodeScript } from './node-bench';

/** Loads the bench page from `baseUrl` and measures the lesion toggle and the curve in it. */
export async function runExperimentPage(browser: Browser, baseUrl: string, plan: ExperimentPlan): Promise<ExperimentPageFigures> {
  const context = await prepareContext(await browser.newContext({ viewport: { width: 1280, height: 800 } }));
  try {
    const page = await context.newPage();
    page.on('console', (message) => {
      const text = message.text();
      if (text.startsWith('[bench] ')) log(`page ${text.slice(8)}`);
      else if (message.type() === 'error') log(`page error: ${text}`);
    });
    await page.goto(`${baseUrl}/`);
    await page.waitForFunction(() => window.bench !== undefined);
    return await page.evaluate((p) => {
      if (!window.bench) throw new Error('the bench page did not start');
      return window.bench.experiments(p);
    }, plan);
  } finally {
    await context.close();
  }
}

/** Runs bench/node/run-evaluate.ts in a child Node process (its own heap; its engines' threads are its own). */
export function runEvaluateBench(preset: string, images: number): Promise<EvaluateFigures> {
  return runNodeScript<EvaluateFigures>('bench/node/run-evaluate.ts', [preset, String(images)], 'evaluate benchmark');
}
