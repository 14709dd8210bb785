/**
 * `.h5` and `.weights.h5`: one HDF5 reader, the layout told by what is inside (a legacy full
 * model has `model_weights` and `model_config`; a legacy save_weights file has `layer_names`
 * at its root; Keras 3 weights have `layers/`).
 */
import { ModelFileError } from './errors';
import { Hdf5Reader, isHdf5 } from './hdf5';
import { kerasLayers, parseJson } from './keras-config';
import { keras3WeightsOnly, legacyWeights } from './keras-weights';
import type { FormatModule, ModelArchive, ModelFileInput, StoredLayer } from './types';

function versionOf(reader: Hdf5Reader, path: string): string | null {
  const value = reader.attr(path, 'keras_version');
  return typeof value === 'string' ? value : null;
}

function archive(reader: Hdf5Reader, format: ModelArchive['format'], layers: ModelArchive['layers'], stored: StoredLayer[], root: string): ModelArchive {
  return { file: reader.file, format, layers, stored, kerasVersion: versionOf(reader, root), close: () => reader.close() };
}

function readLayout(reader: Hdf5Reader): ModelArchive {
  if (reader.has('model_weights')) {
    const config = reader.attr('/', 'model_config');
    const layers = typeof config === 'string' ? kerasLayers(reader.file, parseJson(reader.file, 'model_config', config)) : null;
    return archive(reader, layers ? 'h5' : 'weights-h5', layers, legacyWeights(reader, 'model_weights', layers), 'model_weights');
  }
  if (reader.attr('/', 'layer_names') !== undefined) {
    return archive(reader, 'weights-h5', null, legacyWeights(reader, '/', null), '/');
  }
  if (reader.has('layers')) return archive(reader, 'weights-h5', null, keras3WeightsOnly(reader), '/');
  const found = reader.keys('/');
  throw new ModelFileError(reader.file,
    `is an HDF5 file but not a Keras model: it has no model_weights, layer_names or layers (found ${found.length ? found.slice(0, 5).join(', ') : 'nothing'}).`);
}

/** Opens an HDF5 Keras file; closes it again if its layout is not one Keras writes. */
export async function openHdf5Model(file: string, bytes: Uint8Array): Promise<ModelArchive> {
  const reader = await Hdf5Reader.open(file, bytes);
  try {
    return readLayout(reader);
  } catch (err) {
    reader.close();
    throw err;
  }
}

export const hdf5Format: FormatModule = {
  format: 'h5',
  match: (name, head) => /\.(h5|hdf5|keras5)$/i.test(name) || isHdf5(head),
  open: (main: ModelFileInput) => openHdf5Model(main.name, new Uint8Array(main.bytes)),
};
