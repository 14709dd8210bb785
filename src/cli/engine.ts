/**
 * The CLI's engine: the model client's in-process implementation on Node (WASM backend),
 * with the ImageNet model and its real weights.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Classified, ModelClient, OpenedModel } from '../client/types';
import { createNodeEngine } from '../engine/node-engine';
import { UnknownLayerError } from '../inspect/errors';
import { inspectableLayerNames, presetConfig, type PresetName } from '../model/pure';
import { decodeImageFile } from '../model/image/decode-node';
import { openSource, type ModelSource } from './model-option';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** float32 on the command line: the file is local, so exactness beats size. */
export const WEIGHTS_DIR = process.env.RESNET50_WEIGHTS_DIR ?? path.join(ROOT, 'public/models/resnet50');

export interface CliEngine {
  readonly client: ModelClient;
  readonly model: OpenedModel;
  readonly backend: string;
  dispose(): void;
}

/**
 * The ImageNet model with its real weights, or (for tests of properties that need no
 * training) the seeded SIGNS one, or a person's model file (`--model`).
 */
export async function startEngine(source: PresetName | ModelSource = 'imagenet'): Promise<CliEngine> {
  const client = createNodeEngine();
  try {
    const { name } = await client.start({ requested: null, renderer: null, webgl: false });
    const model = await openSource(client, typeof source === 'string' ? { preset: source } : source, WEIGHTS_DIR);
    return { client, model, backend: name, dispose: () => client.dispose() };
  } catch (err) {
    client.dispose();
    throw err;
  }
}

/** Decodes and runs one image file; the engine frees every tensor the run makes. */
export async function runImageFile(engine: CliEngine, file: string, topK: number): Promise<Classified> {
  const image = await decodeImageFile(file);
  return engine.client.classify(engine.model.modelId, image, { topK });
}

/**
 * Throws UnknownLayerError (with the nearest names) before any weights are read. The
 * names come from the layer plan the builder builds, so no model is made just to list them.
 */
export function checkLayerName(name: string, model?: OpenedModel): void {
  const names = model ? model.summary.layers.map((l) => l.name) : inspectableLayerNames(presetConfig('imagenet'));
  if (!names.includes(name)) throw new UnknownLayerError(name, names);
}
