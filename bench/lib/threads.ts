/**
 * `threads`: the same bench page served with COOP/COEP (cross-origin isolated: the
 * threaded SIMD build with the app's pool of two) and without (not isolated: tfjs falls
 * back to the single-threaded SIMD build by itself). Bare predicts alternate between the
 * two pages, in ABBA order, so that a change in the machine's load hits both alike.
 */
import type { Browser } from 'playwright-core';
import type { ThreadsFigures } from '../core/report';
import { median, ratio, round } from '../core/stats';
import { log } from './log';
import { openPredictor, type Predictor } from './page-bench';

const WARM_RUNS = 2;

async function alternate(a: Predictor, b: Predictor, rounds: number): Promise<{ a: number[]; b: number[] }> {
  const times = { a: [] as number[], b: [] as number[] };
  for (let w = 0; w < WARM_RUNS; w += 1) {
    await a.predict();
    await b.predict();
  }
  for (let r = 0; r < rounds; r += 1) {
    const order: ('a' | 'b')[] = r % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
    for (const key of order) times[key].push(await (key === 'a' ? a : b).predict());
  }
  return times;
}

export async function measureThreads(browser: Browser, isolatedUrl: string, plainUrl: string, rounds: number): Promise<ThreadsFigures> {
  const threaded = await openPredictor(browser, isolatedUrl, 'wasm');
  try {
    const single = await openPredictor(browser, plainUrl, 'wasm');
    try {
      if (single.info.crossOriginIsolated) log('warning: the page without COOP/COEP is cross-origin isolated');
      const times = await alternate(threaded, single, rounds);
      const threadedMs = median(times.a);
      const singleThreadedMs = median(times.b);
      log(`threads: ${Math.round(singleThreadedMs)} ms with ${single.info.threads}, ${Math.round(threadedMs)} ms with ${threaded.info.threads}`);
      return {
        ratio: ratio(singleThreadedMs, threadedMs),
        threads: threaded.info.threads,
        threadedMs: round(threadedMs),
        singleThreadedMs: round(singleThreadedMs),
        singleThreads: single.info.threads,
      };
    } finally {
      await single.close();
    }
  } finally {
    await threaded.close();
  }
}
