/**
 * `.keras` (Keras 3): a zip holding config.json (the architecture), metadata.json (the
 * Keras version) and model.weights.h5 (weights by layer class and position).
 */
import { ModelFileError } from './errors';
import { Hdf5Reader } from './hdf5';
import { kerasLayers, parseJson } from './keras-config';
import { keras3Weights } from './keras-weights';
import type { FormatModule, ModelArchive, ModelFileInput } from './types';
import { isZip, readZip } from './zip';

const MEMBERS = ['config.json', 'metadata.json', 'model.weights.h5'] as const;

function versionOf(file: string, metadata: Uint8Array | undefined): string | null {
  if (!metadata) return null;
  const json = parseJson(file, 'metadata.json', new TextDecoder().decode(metadata));
  const version = (json as { keras_version?: unknown } | null)?.keras_version;
  return typeof version === 'string' ? version : null;
}

export async function openKeras(file: string, bytes: Uint8Array): Promise<ModelArchive> {
  if (!isZip(bytes)) {
    const text = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart().toLowerCase();
    throw new ModelFileError(file, text.startsWith('<')
      ? 'is a web page (HTML), not a .keras archive: the download probably failed; save the file itself again.'
      : 'is not a zip archive, which a .keras file is.');
  }
  const { names, files } = readZip(file, bytes, MEMBERS);
  const config = files['config.json'];
  const weights = files['model.weights.h5'];
  if (!config || !weights) {
    const missing = MEMBERS.filter((m) => m !== 'metadata.json' && !files[m]);
    const found = names.length ? names.slice(0, 5).join(', ') + (names.length > 5 ? ', ...' : '') : 'nothing';
    throw new ModelFileError(file, `is a zip archive but not a Keras model: it has no ${missing.join(' or ')} (found ${found}).`);
  }
  const layers = kerasLayers(file, parseJson(file, 'config.json', new TextDecoder().decode(config)));
  const kerasVersion = versionOf(file, files['metadata.json']);
  const reader = await Hdf5Reader.open(file, weights);
  try {
    const stored = keras3Weights(reader, layers);
    return { file, format: 'keras', layers, stored, kerasVersion, close: () => reader.close() };
  } catch (err) {
    reader.close();
    throw err;
  }
}

export const kerasFormat: FormatModule = {
  format: 'keras',
  match: (name, head) => /\.keras$/i.test(name) || isZip(head),
  open: (main: ModelFileInput) => openKeras(main.name, new Uint8Array(main.bytes)),
};
