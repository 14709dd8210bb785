/** The CLI's engine: the WASM backend in Node and the ImageNet model with real weights. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { ModelSession, UnknownLayerError, type RunResult } from '../inspect';
import { inspectableLayerNames, presetConfig } from '../model/pure';
import { decodeImageFile } from '../model/image/decode-node';
import type { DecodedImage } from '../model/image';
import { createFsSource } from '../model/weights/source-node';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** float32 on the command line: the file is local, so exactness beats size. */
export const WEIGHTS_DIR = process.env.RESNET50_WEIGHTS_DIR ?? path.join(ROOT, 'public/models/resnet50');

export interface Engine {
  readonly session: ModelSession;
  readonly backend: string;
  dispose(): void;
}

async function startBackend(): Promise<string> {
  if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
  await tf.ready();
  return tf.getBackend();
}

export async function startEngine(): Promise<Engine> {
  const backend = await startBackend();
  const session = await ModelSession.open({ preset: 'imagenet', seedLiteral: false, weights: createFsSource(WEIGHTS_DIR) });
  return { session, backend, dispose: () => session.dispose() };
}

/** Decodes and runs one image file; the session frees every tensor the run makes. */
export async function runImageFile(engine: Engine, file: string, topK: number): Promise<{ image: DecodedImage; result: RunResult }> {
  const image = await decodeImageFile(file);
  return { image, result: await engine.session.classify(image, topK) };
}

/**
 * Throws UnknownLayerError (with the nearest names) before any weights are read. The
 * names come from the layer plan the builder builds, so no model is made just to list them.
 */
export function checkLayerName(name: string): void {
  const names = inspectableLayerNames(presetConfig('imagenet'));
  if (!names.includes(name)) throw new UnknownLayerError(name, names);
}
