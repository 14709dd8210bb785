/**
 * What a drop (or the model picker) holds, told apart by file name: a model (a Keras
 * `.keras`, `.h5`, `.weights.h5`, or a tfjs `model.json` with its `.bin` shards), an optional
 * labels file beside it, and images. The engine reads the contents and says what is wrong
 * with them; this only decides where each file goes.
 */
import type { NamedBlob } from '../view-data';

export interface SortedDrop {
  /** The model's files (one Keras file, or a model.json and its shards); empty when none. */
  readonly model: readonly NamedBlob[];
  /** A labels file (JSON list or object, or one name per line) dropped with a model. */
  readonly labels: NamedBlob | null;
  /** Everything else: images for the classifier. */
  readonly images: readonly NamedBlob[];
}

const KERAS = /\.(keras|h5|hdf5)$/i;
const SHARD = /\.bin$/i;
const JSON_FILE = /\.json$/i;
const TEXT = /\.(txt|csv|names)$/i;

/** True for a name the model path takes (a Keras file, a tfjs model.json or a shard). */
export function isModelFileName(name: string): boolean {
  return KERAS.test(name) || SHARD.test(name) || /(^|[\\/])model\.json$/i.test(name);
}

/**
 * Sorts dropped files. A `.json` is the tfjs model when it is called model.json, or when
 * shards came with it and no model.json did; otherwise, beside a model, it is the labels.
 * A `.txt` beside a model is the labels too. Without a model every file is an image.
 */
export function sortDrop(files: readonly NamedBlob[]): SortedDrop {
  const keras = files.filter((f) => KERAS.test(f.name));
  const shards = files.filter((f) => SHARD.test(f.name));
  const jsons = files.filter((f) => JSON_FILE.test(f.name));
  const named = jsons.find((f) => /(^|[\\/])model\.json$/i.test(f.name));
  const topology = named ?? (shards.length > 0 && keras.length === 0 && jsons.length > 0 ? jsons[0] : undefined);
  const model = [...keras, ...(topology ? [topology] : []), ...shards];
  if (model.length === 0) return { model: [], labels: null, images: [...files] };
  const rest = files.filter((f) => !model.includes(f));
  const labels = rest.find((f) => JSON_FILE.test(f.name) || TEXT.test(f.name)) ?? null;
  return { model, labels, images: rest.filter((f) => f !== labels) };
}
