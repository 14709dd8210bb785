/**
 * `npm run bench [-- --quick] [-- --json]`: the library in Node, the bench page and the real
 * built app in headless Chromium; one JSON document (also written to bench/out/latest.json).
 * See bench/README.md for what each figure means.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { validateReport, type BenchReport, type ThreadsFigures } from './core/report';
import { round } from './core/stats';
import type { AttributionFigures, BackendFigures, ExperimentPageFigures } from './core/types';
import { measureApp } from './lib/app-bench';
import { APP_OUT, ensureBuilds, PAGE_OUT, ROOT, serveApp } from './lib/app-server';
import { measureMainBundle } from './lib/bundle';
import { measureMainThread } from './lib/main-thread';
import { launchBrowser } from './lib/browser';
import { formatReport } from './lib/format';
import { log } from './lib/log';
import { runNodeBench } from './lib/node-bench';
import { runAttribution, runPage } from './lib/page-bench';
import { runEvaluateBench, runExperimentPage } from './lib/experiments-bench';
import { FULL, PIPELINE_LAYER, QUICK, type Plans } from './lib/plans';
import { serveStatic } from './lib/serve';
import { checkTargets } from './lib/targets';
import { measureThreads } from './lib/threads';
import { weightsBytes } from './lib/weights';

const USAGE = 'usage: npm run bench [-- --quick] [-- --json]';
const OUT_FILE = path.join(ROOT, 'bench/out/latest.json');

interface Options {
  readonly json: boolean;
  readonly quick: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const unknown = argv.filter((a) => a !== '--json' && a !== '--quick');
  if (unknown.length > 0) throw new Error(`unknown option ${unknown[0]}; ${USAGE}`);
  return { json: argv.includes('--json'), quick: argv.includes('--quick') };
}

interface BrowserFigures {
  readonly wasm: BackendFigures;
  readonly webgl: BackendFigures;
  readonly threads: ThreadsFigures;
  readonly attribution: AttributionFigures;
  readonly experiments: ExperimentPageFigures;
}

/** The bench page (its worker): WASM, WASM threaded against single-threaded, WebGL, then the attribution figures on WASM. */
async function pageRuns(browser: Browser, plans: Plans): Promise<BrowserFigures> {
  const roots = [PAGE_OUT, path.join(ROOT, 'public')];
  const isolated = await serveStatic({ roots, isolated: true });
  const plain = await serveStatic({ roots, isolated: false });
  try {
    const wasm = await runPage(browser, isolated.url, plans.wasm);
    const threads = await measureThreads(browser, isolated.url, plain.url, plans.threadRounds);
    const webgl = await runPage(browser, isolated.url, plans.webgl);
    log(`attribution figures (${plans.attribution.preset}, WASM)…`);
    const attribution = await runAttribution(browser, isolated.url, plans.attribution);
    log(`experiment figures (${plans.experiments.preset}, WASM): a lesion toggle, the comparison curve…`);
    const experiments = await runExperimentPage(browser, isolated.url, plans.experiments);
    return { wasm, webgl, threads, attribution, experiments };
  } finally {
    await Promise.all([isolated.close(), plain.close()]);
  }
}

async function browserRuns(plans: Plans) {
  const browser = await launchBrowser();
  try {
    const chromium = browser.version();
    const page = await pageRuns(browser, plans);
    const server = await serveApp();
    try {
      log('the real app: cold starts, first graph and layer switches…');
      const cold = await measureApp(server.url, plans.coldRuns, plans.layerSwitches);
      log('the real app: the main thread over a run of images, WASM then WebGL…');
      const wasm = await measureMainThread(browser, server.url, plans.mainThread.wasm);
      const webgl = await measureMainThread(browser, server.url, plans.mainThread.webgl);
      if (!wasm.memory) throw new Error('the WASM run did not read the worker\'s memory');
      const bundle = measureMainBundle(APP_OUT);
      log(`app main bundle: ${bundle.files.join(', ')}: ${bundle.bytes} bytes, ${bundle.gzipBytes} gzipped`);
      const app = {
        ...cold,
        mainBundleGzipBytes: bundle.gzipBytes,
        mainBundleBytes: bundle.bytes,
        mainBundleFiles: bundle.files.length,
        workerMemory: wasm.memory,
      };
      return { chromium, page, app, mainThread: { wasm: wasm.figures, webgl: webgl.figures } };
    } finally {
      await server.close();
    }
  } finally {
    await browser.close();
  }
}

async function runBench(options: Options): Promise<BenchReport> {
  const started = Date.now();
  const loadAverageStart = round(os.loadavg()[0], 2);
  const plans = options.quick ? QUICK : FULL;
  ensureBuilds();
  log('the library in Node (WASM)…');
  const node = await runNodeBench(plans.node, PIPELINE_LAYER);
  log(`evaluate on 1 and 2 threads (Node, ${plans.evaluate.preset})…`);
  const evaluate = await runEvaluateBench(plans.evaluate.preset, plans.evaluate.images);
  const { chromium, page, app, mainThread } = await browserRuns(plans);
  const figures = {
    schemaVersion: 2,
    date: new Date().toISOString(),
    quick: options.quick,
    durationS: Math.round((Date.now() - started) / 1000),
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      chromium,
      platform: `${os.platform()} ${os.arch()}`,
      loadAverageStart,
      loadAverageEnd: round(os.loadavg()[0], 2),
    },
    browser: { wasm: page.wasm, webgl: page.webgl },
    node: { wasm: node },
    threads: page.threads,
    weightsBytes: { float32: await weightsBytes('float32'), float16: await weightsBytes('float16') },
    app,
    mainThread,
    attribution: page.attribution,
    experiments: { ...page.experiments, evaluate },
  };
  return { ...figures, targets: checkTargets(figures) };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const report = await runBench(options);
  const errors = validateReport(report);
  if (errors.length > 0) throw new Error(`the report is incomplete: ${errors.join('; ')}`);
  const json = JSON.stringify(report, null, 2);
  await mkdir(path.dirname(OUT_FILE), { recursive: true });
  await writeFile(OUT_FILE, `${json}\n`);
  log(`wrote ${path.relative(ROOT, OUT_FILE)} in ${report.durationS} s`);
  process.stdout.write(options.json ? `${json}\n` : formatReport(report));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
