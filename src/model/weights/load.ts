/**
 * Loading: read and check the files (plain data), decode them into tensors, and put the
 * tensors into a built model by layer name.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGENET_WEIGHTS } from './descriptor';
import { WeightsError } from './errors';
import { checkManifest, checkShards, type CheckedManifest, type ShardPins } from './manifest';
import type { WeightsSource } from './source';

export interface LoadProgress {
  readonly loadedBytes: number;
  readonly totalBytes: number;
}

/** Checked weight files, not yet decoded: plain data, no tensors. */
export interface FetchedWeights {
  readonly manifest: CheckedManifest;
  /** One buffer per `manifest.paths` entry, in order. */
  readonly shards: readonly ArrayBuffer[];
  /** The Keras topology from model.json, as stored. */
  readonly modelTopology: unknown;
  readonly hashesChecked: boolean;
}

type Layer = tf.LayersModel['layers'][number];

function defaultPins(manifest: CheckedManifest): ShardPins {
  if (manifest.variant === undefined) {
    throw new WeightsError('bad-manifest', 'model.json',
      'model.json describes weights that are neither the float32 nor the float16 ImageNet copy.');
  }
  return IMAGENET_WEIGHTS[manifest.variant].pins;
}

/**
 * Reads model.json and every shard from `source`, checks them (manifest, sizes, HTML
 * pages, SHA-256 against `pins`, by default the committed pins for the manifest's
 * variant) and reports progress over the shards' bytes. Throws a WeightsError.
 */
export async function fetchWeights(
  source: WeightsSource,
  onProgress?: (progress: LoadProgress) => void,
  pins?: ShardPins,
): Promise<FetchedWeights> {
  const modelJson = await source.readJson('model.json');
  const manifest = checkManifest(modelJson);
  const expectedPins = pins ?? defaultPins(manifest);
  const totalBytes = manifest.totalBytes;
  let loadedBytes = 0;
  onProgress?.({ loadedBytes, totalBytes });
  const onBytes = (bytes: number) => {
    loadedBytes += bytes;
    onProgress?.({ loadedBytes: Math.min(loadedBytes, totalBytes), totalBytes });
  };
  const shards = await Promise.all(manifest.paths.map((name) => source.readBinary(name, onBytes)));
  const { hashesChecked } = await checkShards(manifest, shards, expectedPins);
  const modelTopology = (modelJson as { modelTopology?: unknown }).modelTopology;
  return { manifest, shards, modelTopology, hashesChecked };
}

/** Decodes checked weights into tensors. The caller owns (and disposes) every tensor. */
export function decodeWeights(fetched: FetchedWeights): tf.NamedTensorMap {
  const out: tf.NamedTensorMap = {};
  let index = 0;
  try {
    for (const group of fetched.manifest.groups) {
      const buffers = fetched.shards.slice(index, index + group.paths.length);
      index += group.paths.length;
      Object.assign(out, tf.io.decodeWeights(buffers, [...group.specs]));
    }
  } catch (err) {
    // A later group failing must not strand the tensors of the groups before it.
    tf.dispose(Object.values(out));
    throw err;
  }
  return out;
}

function weightKey(layer: Layer, originalName: string): string {
  return `${layer.name}/${originalName.slice(originalName.lastIndexOf('/') + 1)}`;
}

/** One layer of a model with the values that fill its weights, in the layer's order. */
export interface LayerMatch<T> {
  readonly layer: Layer;
  readonly values: readonly T[];
}

function valuesForLayer<T>(layer: Layer, weights: Readonly<Record<string, T>>, shapeOf: (value: T) => readonly number[], file: string, used: Set<string>): T[] {
  return layer.weights.map((variable) => {
    const key = weightKey(layer, variable.originalName);
    const value = weights[key];
    if (value === undefined) {
      throw new WeightsError('missing-tensor', file,
        `The weights have no tensor ${key}, which layer ${layer.name} needs.`, key);
    }
    const shape = shapeOf(value);
    const wanted = variable.shape;
    if (shape.length !== wanted.length || shape.some((dim, i) => dim !== wanted[i])) {
      throw new WeightsError('wrong-shape', file,
        `The weights' tensor ${key} has the shape [${shape.join(', ')}], ` +
        `but layer ${layer.name} needs [${wanted.join(', ')}].`, key);
    }
    used.add(key);
    return value;
  });
}

/**
 * Matches every weight of `model` with one of `weights` by `${layer.name}/${shortName}`
 * (shortName: `kernel`, `bias`, `gamma`, `beta`, `moving_mean`, `moving_variance`), both
 * ways, by shape alone: a missing, extra or wrongly shaped one throws a WeightsError
 * naming it. Nothing is set. The one matching rule of the ImageNet weights and of a
 * person's model file (whose values are read only after this has passed).
 */
export function matchWeights<T>(
  model: tf.LayersModel, weights: Readonly<Record<string, T>>, shapeOf: (value: T) => readonly number[], file = 'model.json',
): LayerMatch<T>[] {
  const used = new Set<string>();
  const plan = model.layers
    .filter((layer) => layer.weights.length > 0)
    .map((layer) => ({ layer, values: valuesForLayer(layer, weights, shapeOf, file, used) }));
  const extra = Object.keys(weights).filter((key) => !used.has(key));
  if (extra.length > 0) {
    throw new WeightsError('extra-tensor', file,
      `The weights hold ${extra.length} tensor(s) this model has no layer for, starting with ${extra[0]}.`,
      extra[0]);
  }
  return plan;
}

/**
 * Sets every weight of `model` from `weights`, matched by `matchWeights`. All are checked
 * before any is set: on a WeightsError the model is left as it was. `weights` stays the
 * caller's to dispose.
 */
export function assignWeights(model: tf.LayersModel, weights: tf.NamedTensorMap): void {
  for (const { layer, values } of matchWeights(model, weights, (t) => t.shape)) layer.setWeights([...values]);
}

/** Decodes, assigns and disposes the decoded tensors: no tensors are left behind. */
export function loadWeightsInto(model: tf.LayersModel, fetched: FetchedWeights): void {
  const weights = decodeWeights(fetched);
  try {
    assignWeights(model, weights);
  } finally {
    tf.dispose(Object.values(weights));
  }
}

/** Reads labels.json (an index -> name object or an array) as a list of class names. */
export async function loadLabels(source: WeightsSource, expected = 1000): Promise<string[]> {
  const json = await source.readJson('labels.json');
  let labels: unknown[] = [];
  if (Array.isArray(json)) labels = json;
  else if (typeof json === 'object' && json !== null) {
    const byIndex = json as Record<string, unknown>;
    labels = Array.from({ length: Object.keys(byIndex).length }, (_, i) => byIndex[String(i)]);
  }
  const ok = labels.every((label): label is string => typeof label === 'string' && label !== '');
  if (!ok || labels.length !== expected) {
    throw new WeightsError('bad-labels', 'labels.json',
      `labels.json should name ${expected} classes by index; it names ${labels.length}.`);
  }
  return labels as string[];
}
