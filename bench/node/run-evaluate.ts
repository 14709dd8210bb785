/**
 * `evaluate`'s speed on one thread and on two, and with `--batch` (issue 12): the CLI's
 * engine pool (src/cli/engine-pool.ts) on the same images, one warm batch per engine first,
 * then IMAGES images timed through forEachBatchOn + predictMany, as `evaluate --threads N
 * --batch B` runs them: 1 thread, 2 threads (batch 1), then 1 thread at batch BATCH.
 * Run as a child of bench/run.ts:
 *   node --import tsx bench/node/run-evaluate.ts PRESET IMAGES
 * Progress goes to stderr; the figures, as one JSON line, to stdout.
 */
import path from 'node:path';
import { forEachBatchOn, startEngines } from '../../src/cli/engine-pool';
import { predictMany } from '../../src/cli/scoring';
import type { PresetName } from '../../src/model/pure';
import { round } from '../core/stats';
import type { EvaluateFigures } from '../core/types';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLES = ['chelsea.png', 'coffee.png'].map((f) => path.join(ROOT, 'public/samples', f));
/** The batch timed against one image a pass. */
const BATCH = 8;

async function imagesPerSecond(preset: PresetName, threads: number, images: number, batch = 1): Promise<number> {
  const engines = await startEngines(preset, threads);
  try {
    const run = (files: readonly string[]) => forEachBatchOn(engines, files, batch, async (engine, _files, pixels) => {
      await predictMany(engine, pixels, 5, []);
    }, () => undefined);
    await run(Array.from({ length: threads * batch }, (_, i) => SAMPLES[i % 2]));
    const files = Array.from({ length: images }, (_, i) => SAMPLES[i % 2]);
    const t0 = performance.now();
    const failed = await run(files);
    if (failed.length > 0) throw new Error(failed.join('; '));
    return images / ((performance.now() - t0) / 1000);
  } finally {
    for (const e of engines) e.dispose();
  }
}

async function main(argv: readonly string[]): Promise<EvaluateFigures> {
  const preset = argv[0] as PresetName;
  const images = Number(argv[1]);
  if (!['imagenet', 'signs'].includes(preset) || !Number.isInteger(images)) throw new Error('usage: run-evaluate.ts PRESET IMAGES');
  const one = await imagesPerSecond(preset, 1, images);
  const two = await imagesPerSecond(preset, 2, images);
  const batched = await imagesPerSecond(preset, 1, images, BATCH);
  process.stderr.write(`[bench] evaluate (${preset}): ${one.toFixed(2)} images/s on 1 thread, ${two.toFixed(2)} on 2, ${batched.toFixed(2)} on 1 at batch ${BATCH}\n`);
  return {
    preset, images, imagesPerSecond1: round(one, 2), imagesPerSecond2: round(two, 2), threadsRatio: round(two / one, 3),
    batch: BATCH, imagesPerSecondBatch: round(batched, 2), batchRatio: round(batched / one, 3),
  };
}

main(process.argv.slice(2)).then(
  (figures) => { process.stdout.write(`${JSON.stringify(figures)}\n`); process.exit(0); },
  (error: unknown) => { process.stderr.write(`[bench] evaluate failed: ${error instanceof Error ? error.stack : String(error)}\n`); process.exit(1); },
);
