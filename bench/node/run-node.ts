/**
 * The library in Node on the WASM backend: the app's Engine in-process (the model client
 * the CLI and the browser's fallback use), the same weights (float16), sample and timing
 * loops as the bench page, and the baseline (the same model, bare predicts) in the same
 * thread. Run as a child of bench/run.ts:
 *   node --import tsx bench/node/run-node.ts ROUNDS WARM_RUNS IMAGES LAYER
 * Progress goes to stderr; the figures, as one JSON line, to stdout.
 */
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { createNodeEngine } from '../../src/engine/node-engine';
import { decodeImageFile } from '../../src/model/image/decode-node';
import { IMAGENET_WEIGHTS } from '../../src/model/weights/descriptor';
import { createFsSource } from '../../src/model/weights/source-node';
import { openBare } from '../core/bare';
import { clientPipeline, measureLoop } from '../core/loop';
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
  const engine = createNodeEngine();
  const report = await engine.start({ requested: 'wasm', renderer: null, webgl: false });
  if (report.name !== 'wasm') throw new Error(`the WASM backend did not start (${report.reason})`);
  const before = tf.memory().numTensors;
  const decode = () => decodeImageFile(SAMPLE);
  const bare = await openBare('imagenet', createFsSource(WEIGHTS_DIR), await decode());
  const threads = report.threads ?? 0;
  log(`wasm: ${threads} thread(s), loaded in ${Math.round(bare.loadMs)} ms`);
  const firstPredictMs = await bare.predict();
  const model = await engine.open({ preset: 'imagenet', seedLiteral: false, weightsUrl: WEIGHTS_DIR, warmUp: false });
  if (!model.canClassify) throw new Error(`the engine could not load the weights: ${model.failure}`);
  const plan = { backend: 'wasm', preset: 'imagenet', rounds, warmRuns, images, layer } as const;
  const figures = await measureLoop({
    predict: () => bare.predict(),
    pipeline: clientPipeline(engine, model.modelId, decode, layer),
    memory: () => engine.memory(),
  }, plan, firstPredictMs, log);
  await engine.closeModel(model.modelId);
  bare.dispose();
  const left = tf.memory().numTensors - before;
  engine.dispose();
  return {
    backend: tf.getBackend(), threads, loadMs: round(bare.loadMs), ...figures,
    memory: { ...figures.memory, numTensorsLeftAfterDispose: left },
  };
}

main(process.argv.slice(2)).then(
  (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
