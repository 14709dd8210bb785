/**
 * Opens a model from the files a person handed in (one file, or model.json with its .bin
 * shards): the first format whose cheap sniff matches reads it. Netron's shape: each format
 * a module with `match` and `open`; nothing here knows about ResNet50.
 */
import { ModelFileError } from './errors';
import { hdf5Format } from './hdf5-model';
import { kerasFormat } from './keras';
import { checkSize } from './limits';
import { tfjsFormat } from './tfjs';
import type { FormatModule, ModelArchive, ModelFileInput } from './types';

export const FORMATS: readonly FormatModule[] = [tfjsFormat, kerasFormat, hdf5Format];

const ACCEPTED = '.keras, .h5, .weights.h5, or a tfjs model.json with its .bin files';

/** The file that names the others: model.json when there is one, else the only file. */
function mainFile(files: readonly ModelFileInput[]): ModelFileInput {
  const json = files.filter((f) => /\.json$/i.test(f.name));
  if (json.length > 1) throw new ModelFileError(json[1].name, 'is a second .json file: give one model.json and its .bin files.');
  if (json.length === 1) return json[0];
  if (files.length === 1) return files[0];
  throw new ModelFileError(files.map((f) => f.name).join(', '), `are several files but none is a model.json: open one model file (${ACCEPTED}).`);
}

/** Reads the model in `files`; the archive is the caller's to close. Throws a ModelFileError. */
export async function openModelFiles(files: readonly ModelFileInput[]): Promise<ModelArchive> {
  if (files.length === 0) throw new ModelFileError('(no file)', `nothing was given: open a model file (${ACCEPTED}).`);
  for (const f of files) checkSize(f.name, f.bytes.byteLength);
  const main = mainFile(files);
  const head = new Uint8Array(main.bytes, 0, Math.min(main.bytes.byteLength, 4096));
  if (main.bytes.byteLength === 0) throw new ModelFileError(main.name, 'is empty.');
  const format = FORMATS.find((f) => f.match(main.name, head));
  if (!format) throw new ModelFileError(main.name, `is not a model file this explorer reads (${ACCEPTED}).`);
  return format.open(main, files.filter((f) => f !== main));
}
