/**
 * The CLI's engine: the model client's in-process implementation on Node (WASM backend),
 * with the ImageNet model and its real weights.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Classified, ModelClient, OpenedModel } from '../client/types';
import { createNodeEngine } from '../engine/node-engine';
import { UnknownLayerError } from '../inspect/errors';
import { planSummary, presetConfig, type PresetName } from '../model/pure';
import { kerasAutoNameOf } from './keras-auto-names';
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
export function checkLayerName(name: string, model?: OpenedModel, preset: PresetName = 'imagenet'): void {
  const layers = model ? model.summary.layers : planSummary(presetConfig(preset)).layers;
  const names = layers.map((l) => l.name);
  if (names.includes(name)) return;
  const auto = kerasAutoNameOf(name, layers);
  const meant = auto && `Keras gives that name to the ${ordinal(auto.nth)} ${auto.type} layer it builds, which here is most likely ${auto.name}`;
  throw new UnknownLayerError(name, names, meant ?? undefined);
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
