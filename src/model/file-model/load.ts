/**
 * Builds a person's model from its resolved file and sets every weight: the names and shapes
 * are matched first by the ImageNet loader's own rule (matchWeights: missing, extra and
 * misshaped weights named), then each layer's values are read from the file, set, and let
 * go, so the file and the model's one copy of the weights are all that is held.
 */
import * as tf from '@tensorflow/tfjs';
import { ModelFileError } from '../../formats/errors';
import type { ModelArchive, StoredWeight } from '../../formats/types';
import { buildResNet50, type BuiltResNet } from '../resnet50';
import { WeightsError } from '../weights/errors';
import { matchWeights } from '../weights/load';
import { resolveArchive, type ResolvedFile, type ResolveOptions } from './resolve';

export interface LoadedFile {
  /** Owned by the caller: `built.model.dispose()` frees its weights. */
  readonly built: BuiltResNet;
  readonly resolved: ResolvedFile;
}

export interface FileLoadOptions extends ResolveOptions {
  /** Bytes of weights set so far, of all. */
  readonly onProgress?: (progress: { loadedBytes: number; totalBytes: number }) => void;
}

function valuesOf(file: string, key: string, weight: StoredWeight): Float32Array {
  const values = weight.read();
  const wanted = weight.shape.reduce((a, b) => a * b, 1);
  if (values.length !== wanted) throw new ModelFileError(file, `holds ${values.length} values for ${key}, whose shape [${weight.shape.join(', ')}] needs ${wanted}.`);
  return values;
}

function setAll(built: BuiltResNet, file: string, resolved: ResolvedFile, onProgress: FileLoadOptions['onProgress']): void {
  let matches;
  try {
    matches = matchWeights(built.model, Object.fromEntries(resolved.weights), (w) => w.shape, file);
  } catch (err) {
    if (err instanceof WeightsError) throw new ModelFileError(file, err.detail);
    throw err;
  }
  const totalBytes = [...resolved.weights.values()].reduce((n, w) => n + 4 * w.shape.reduce((a, b) => a * b, 1), 0);
  let loadedBytes = 0;
  for (const { layer, values } of matches) {
    const tensors = values.map((w) => tf.tensor(valuesOf(file, `${layer.name}/${w.name}`, w), [...w.shape]));
    try {
      layer.setWeights(tensors);
    } finally {
      tf.dispose(tensors);
    }
    loadedBytes += values.reduce((n, w) => n + 4 * w.shape.reduce((a, b) => a * b, 1), 0);
    onProgress?.({ loadedBytes, totalBytes });
  }
}

/** Resolves, builds and fills; on any error nothing stays allocated. Throws a ModelFileError. */
export function loadArchive(archive: ModelArchive, options: FileLoadOptions = {}): LoadedFile {
  const resolved = resolveArchive(archive, options);
  const built = buildResNet50(resolved.config, { initializer: 'zeros' });
  try {
    setAll(built, archive.file, resolved, options.onProgress);
  } catch (err) {
    built.model.dispose();
    throw err;
  }
  return { built, resolved };
}
