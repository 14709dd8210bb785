/**
 * The library in Node on the WASM backend: the same session, weights (float16), sample
 * and timing loops as the bench page. Run as a child of bench/run.ts:
 *   node --import tsx bench/node/run-node.ts ROUNDS WARM_RUNS IMAGES LAYER
 * Progress goes to stderr; the figures, as one JSON line, to stdout.
 */
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { ModelSession } from '../../src/inspect';
import { decodeImageFile } from '../../src/model/image/decode-node';
import { IMAGENET_WEIGHTS } from '../../src/model/weights/descriptor';
import { createFsSource } from '../../src/model/weights/source-node';
import { measure } from '../core/measure';
import { round } from '../core/stats';
import type { NodeFigures } from '../core/types';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = path.join(ROOT, 'public/samples/chelsea.png');
const WEIGHTS_DIR = path.join(ROOT, 'public', IMAGENET_WEIGHTS.float16.path);

function log(message: string): void {
  process.stderr.write(`[bench] node ${message}\n`);
}

async function main(argv: readonly string[]): Promise<NodeFigures> {
  const [rounds, warmRuns, images] = argv.slice(0, 3).map(Number);
  const layer = argv[3];
  if (![rounds, warmRuns, images].every(Number.isInteger) || !layer) throw new Error('usage: run-node.ts ROUNDS WARM_RUNS IMAGES LAYER');
  tf.enableProdMode();
  if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend did not start');
  const before = tf.memory().numTensors;
  const start = performance.now();
  const session = await ModelSession.open({ preset: 'imagenet', seedLiteral: false, weights: createFsSource(WEIGHTS_DIR) });
  const loadMs = round(performance.now() - start);
  const threads = getThreadsCount();
  log(`wasm: ${threads} thread(s), loaded in ${Math.round(loadMs)} ms`);
  const plan = { backend: 'wasm', rounds, warmRuns, images, layer } as const;
  const figures = await measure({ session, decode: () => decodeImageFile(SAMPLE) }, plan, log, before);
  return { backend: tf.getBackend(), threads, loadMs, ...figures };
}

main(process.argv.slice(2)).then(
  (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
