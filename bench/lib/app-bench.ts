/**
 * The real built app in headless Chromium: cold start to the first graph and to the first
 * prediction (empty and warm HTTP cache, each in a browser with a profile on disk) and the
 * layer switch.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { median, round } from '../core/stats';
import { ROOT } from './app-server';
import { launchWithProfile } from './browser';
import { firstGraphAt, firstPredictionAt, watchFirstPrediction, watchPage } from './in-page';
import { log } from './log';
import type { AppFigures, LayerSwitchFigures } from '../core/types';
import { measureLayerSwitch } from './layer-switch';

const SAMPLE_FILE = path.join(ROOT, 'public/samples/chelsea.png');
const EXPECTED_TOP = 'Egyptian cat';
const LOAD_TIMEOUT_MS = 120_000;

export interface ColdRun {
  readonly ms: number;
  /** Navigation start to the graph's "stage 2" node drawn. */
  readonly graphMs: number;
  /** Weight shard bytes that came over the network (0 when the cache answered). */
  readonly weightsBytesTransferred: number;
  readonly float16Files: number;
  readonly float32Files: number;
}

interface WeightsTraffic {
  float16Files: number;
  float32Files: number;
  bytes: number;
  pending: Promise<void>[];
}

/** Counts the weight files the app fetched, by variant, and their transferred body bytes. */
function trackWeights(page: Page): WeightsTraffic {
  const traffic: WeightsTraffic = { float16Files: 0, float32Files: 0, bytes: 0, pending: [] };
  page.on('requestfinished', (request) => {
    const match = /\/models\/(resnet50(?:-f16)?)\/[^/]+\.bin$/.exec(new URL(request.url()).pathname);
    if (!match) return;
    if (match[1] === 'resnet50-f16') traffic.float16Files += 1;
    else traffic.float32Files += 1;
    traffic.pending.push(request.sizes().then((s) => { traffic.bytes += s.responseBodySize; }, () => undefined));
  });
  return traffic;
}

interface FailureWatch {
  readonly failed: Promise<never>;
  stop(): void;
}

/** True once React has rendered something and then unmounted it all (an uncaught render error). */
async function rootEmptied(page: Page): Promise<boolean> {
  return page.evaluate(() => (document.getElementById('root')?.childElementCount ?? 0) === 0).catch(() => false);
}

/**
 * Rejects when the page shows an error or its React tree is gone after an uncaught error
 * (checked twice a second, until stopped), so a broken build fails fast and says why.
 * Uncaught errors the app survives are only logged.
 */
function watchFailure(page: Page): FailureWatch {
  let stopped = false;
  const errors: string[] = [];
  page.on('pageerror', (error) => {
    errors.push(error.message);
    log(`warning: the app threw (and may have carried on): ${error.message}`);
  });
  const failed = new Promise<never>((_, reject) => {
    const poll = async () => {
      while (!stopped) {
        const alerts = (await page.getByRole('alert').allTextContents().catch(() => [])).filter((t) => t.trim());
        if (alerts.length > 0) return reject(new Error(`the app showed an error: ${alerts[0]}`));
        if (errors.length > 0 && (await rootEmptied(page))) return reject(new Error(`the app crashed: ${errors[0]}`));
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };
    void poll();
  });
  failed.catch(() => undefined);
  return { failed, stop: () => { stopped = true; } };
}

function top(page: Page) {
  return page.getByRole('list', { name: 'Top-5 predictions' }).getByRole('listitem');
}

/** One page load: navigation start to the five predictions of a file chosen at once. */
async function coldRun(context: BrowserContext, url: string): Promise<{ run: ColdRun; page: Page }> {
  const page = await context.newPage();
  const traffic = trackWeights(page);
  const watch = watchFailure(page);
  try {
    await Promise.race([page.goto(`${url}/`), watch.failed]);
    await Promise.race([page.getByLabel('Image file').setInputFiles(SAMPLE_FILE), watch.failed]);
    await Promise.race([top(page).nth(4).waitFor({ timeout: LOAD_TIMEOUT_MS }), watch.failed]);
  } finally {
    watch.stop();
  }
  const label = await top(page).first().textContent();
  if (!label?.includes(EXPECTED_TOP)) throw new Error(`the app's top prediction was "${label}", not ${EXPECTED_TOP}`);
  const at = (await page.evaluate(firstPredictionAt)) ?? (await page.evaluate(() => performance.now()));
  const graphAt = await page.evaluate(firstGraphAt);
  if (graphAt === null) throw new Error('the graph\'s "stage 2" node was never drawn');
  await Promise.all(traffic.pending);
  const run = { ms: round(at), graphMs: round(graphAt), weightsBytesTransferred: traffic.bytes, float16Files: traffic.float16Files, float32Files: traffic.float32Files };
  return { run, page };
}

interface ProfileRuns {
  readonly empty: ColdRun;
  readonly warm: ColdRun;
  readonly layerSwitch: LayerSwitchFigures | null;
}

/** A fresh profile: the empty-cache load, then a warm-cache load, then (once) the layer switch. */
async function profileRuns(url: string, switches: number): Promise<ProfileRuns> {
  const dir = await mkdtemp(path.join(tmpdir(), 'resnet50-bench-'));
  const context = await launchWithProfile(dir);
  try {
    await context.addInitScript(watchFirstPrediction);
    await context.addInitScript(watchPage);
    const empty = await coldRun(context, url);
    await empty.page.close();
    const warm = await coldRun(context, url);
    log(`app: graph drawn at ${Math.round(empty.run.graphMs)} ms, first prediction at ${Math.round(empty.run.ms)} ms (empty cache); ${Math.round(warm.run.graphMs)} / ${Math.round(warm.run.ms)} ms (warm cache)`);
    const layerSwitch = switches > 0 ? await measureLayerSwitch(warm.page, switches) : null;
    return { empty: empty.run, warm: warm.run, layerSwitch };
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** What the cold starts and the layer switch give; the bundle and the worker's memory come from elsewhere. */
export type ColdAppFigures = Omit<AppFigures, 'mainBundleGzipBytes' | 'mainBundleBytes' | 'mainBundleFiles' | 'workerMemory'>;

export async function measureApp(url: string, coldRuns: number, switches: number): Promise<ColdAppFigures> {
  const runs: ProfileRuns[] = [];
  for (let i = 0; i < coldRuns; i += 1) runs.push(await profileRuns(url, i === coldRuns - 1 ? switches : 0));
  const layerSwitch = runs[runs.length - 1].layerSwitch;
  if (!layerSwitch) throw new Error('no layer switch was measured');
  const empties = runs.map((r) => r.empty);
  const files = runs.flatMap((r) => [r.empty, r.warm]);
  const f16 = files.reduce((n, r) => n + r.float16Files, 0);
  const all = files.reduce((n, r) => n + r.float16Files + r.float32Files, 0);
  return {
    coldStartRuns: coldRuns,
    firstGraphMs: round(median(empties.map((r) => r.graphMs))),
    firstGraphWarmCacheMs: round(median(runs.map((r) => r.warm.graphMs))),
    coldStartEmptyCacheMs: round(median(empties.map((r) => r.ms))),
    coldStartWarmCacheMs: round(median(runs.map((r) => r.warm.ms))),
    weightsBytesTransferredEmptyCache: median(empties.map((r) => r.weightsBytesTransferred)),
    weightsBytesTransferredWarmCache: median(runs.map((r) => r.warm.weightsBytesTransferred)),
    float16Share: all === 0 ? 0 : round(f16 / all, 3),
    ...layerSwitch,
  };
}
