/** The CLI's engine: the WASM backend in Node and the ImageNet model with real weights. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { Inspector } from '../inspect';
import { loadImagenet } from '../model';
import { decodeImageFile } from '../model/image/decode-node';
import { pixelsToInput } from '../model/preprocess';
import { createFsSource } from '../model/weights/source-node';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** float32 on the command line: the file is local, so exactness beats size. */
export const WEIGHTS_DIR = process.env.RESNET50_WEIGHTS_DIR ?? path.join(ROOT, 'public/models/resnet50');

export interface Engine {
  readonly inspector: Inspector;
  readonly backend: string;
  dispose(): void;
}

export async function startEngine(): Promise<Engine> {
  if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
  await tf.ready();
  const model = await loadImagenet(createFsSource(WEIGHTS_DIR));
  const inspector = new Inspector(model.built, model.labels);
  return {
    inspector,
    backend: tf.getBackend(),
    dispose() {
      inspector.dispose();
      model.built.model.dispose();
    },
  };
}

/** Decodes, preprocesses and runs one image file; the tensors it makes are freed here. */
export async function runImageFile(engine: Engine, file: string, topK: number) {
  const image = await decodeImageFile(file);
  const input = pixelsToInput(image.pixels, image.width, image.height);
  try {
    return { image, result: await engine.inspector.run(input, topK) };
  } finally {
    input.dispose();
  }
}
