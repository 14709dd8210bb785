/**
 * Checks a tfjs layers-model weights manifest and its shard files before anything is
 * decoded: tfjs would otherwise fail late, with messages about typed-array lengths.
 */
import { WeightsError } from './errors';

export type WeightDtype = 'float32' | 'int32' | 'bool';
export type QuantizationDtype = 'float16' | 'uint8' | 'uint16';
export type WeightsVariant = 'float32' | 'float16';

const DTYPE_BYTES: Record<WeightDtype | QuantizationDtype, number> = {
  float32: 4, int32: 4, bool: 1, float16: 2, uint16: 2, uint8: 1,
};
const WEIGHT_DTYPES: readonly string[] = ['float32', 'int32', 'bool'];
const QUANTIZATION_DTYPES: readonly string[] = ['float16', 'uint8', 'uint16'];

/** One tensor in the manifest; assignable to tfjs's `io.WeightsManifestEntry`. */
export interface WeightSpec {
  readonly name: string;
  readonly shape: number[];
  readonly dtype: WeightDtype;
  readonly quantization?: { dtype: QuantizationDtype; scale?: number; min?: number };
}

/** Shards whose concatenated bytes hold `specs`, in order (tensors may span shards). */
export interface ShardGroup {
  readonly paths: readonly string[];
  readonly specs: readonly WeightSpec[];
  readonly byteLength: number;
}

export interface CheckedManifest {
  readonly groups: readonly ShardGroup[];
  readonly paths: readonly string[];
  readonly specs: readonly WeightSpec[];
  readonly totalBytes: number;
  /** 'float16' when every tensor is stored as float16, 'float32' when none is quantized. */
  readonly variant: WeightsVariant | undefined;
}

/** Shard file name -> lowercase hex SHA-256. */
export type ShardPins = Readonly<Record<string, string>>;

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Bytes a tensor takes in the shards (quantized tensors by their stored dtype). */
function specByteLength(spec: WeightSpec): number {
  const count = spec.shape.reduce((product, dim) => product * dim, 1);
  return count * DTYPE_BYTES[spec.quantization?.dtype ?? spec.dtype];
}

function checkQuantization(value: unknown, name: string, dtype: WeightDtype, file: string) {
  if (value === undefined) return undefined;
  const q = isRecord(value) ? value : {};
  if (typeof q.dtype !== 'string' || !QUANTIZATION_DTYPES.includes(q.dtype)) {
    const shown = JSON.stringify(q.dtype);
    throw new WeightsError('unknown-dtype', file,
      `${file}: tensor ${name} has an unknown quantization dtype ${shown} (known: float16, uint8, uint16).`, name);
  }
  const qdtype = q.dtype as QuantizationDtype;
  const needsRange = qdtype !== 'float16';
  if ((qdtype === 'float16' && dtype !== 'float32') ||
      (needsRange && (typeof q.scale !== 'number' || typeof q.min !== 'number'))) {
    throw new WeightsError('bad-manifest', file,
      `${file}: tensor ${name} has an unusable ${qdtype} quantization for a ${dtype} tensor.`, name);
  }
  return needsRange ? { dtype: qdtype, scale: q.scale as number, min: q.min as number } : { dtype: qdtype };
}

function checkSpec(value: unknown, file: string): WeightSpec {
  const entry = isRecord(value) ? value : {};
  const name = entry.name;
  if (typeof name !== 'string' || name === '') {
    throw new WeightsError('bad-manifest', file, `${file} lists a tensor without a name.`);
  }
  const shape = entry.shape;
  if (!Array.isArray(shape) || !shape.every((dim) => Number.isSafeInteger(dim) && dim >= 0)) {
    throw new WeightsError('bad-shape', file,
      `${file}: tensor ${name} has the shape ${JSON.stringify(shape)}, not a list of whole numbers >= 0.`, name);
  }
  if (typeof entry.dtype !== 'string' || !WEIGHT_DTYPES.includes(entry.dtype)) {
    throw new WeightsError('unknown-dtype', file,
      `${file}: tensor ${name} has the unknown dtype ${JSON.stringify(entry.dtype)} (known: float32, int32, bool).`, name);
  }
  const dtype = entry.dtype as WeightDtype;
  const quantization = checkQuantization(entry.quantization, name, dtype, file);
  return quantization ? { name, shape: shape as number[], dtype, quantization } : { name, shape: shape as number[], dtype };
}

// Shard names are joined to a URL or a directory: plain file names only.
const SHARD_NAME = /^(?!\.\.?$)[\w.-]+$/;

function checkGroup(value: unknown, file: string): ShardGroup {
  const group = isRecord(value) ? value : {};
  const { paths, weights } = group;
  if (!Array.isArray(paths) || paths.length === 0 ||
      !paths.every((p): p is string => typeof p === 'string' && SHARD_NAME.test(p))) {
    throw new WeightsError('bad-manifest', file, `${file} has a weights group without plain shard file names.`);
  }
  if (!Array.isArray(weights)) {
    throw new WeightsError('bad-manifest', file, `${file} has a weights group without a list of weights.`);
  }
  const specs = weights.map((w) => checkSpec(w, file));
  const byteLength = specs.reduce((sum, spec) => sum + specByteLength(spec), 0);
  return { paths, specs, byteLength };
}

function variantOf(specs: readonly WeightSpec[]): WeightsVariant | undefined {
  if (specs.every((s) => s.dtype === 'float32' && s.quantization === undefined)) return 'float32';
  // The float16 copy halves the kernels and keeps the small rank-1 tensors in float32.
  const kernels = specs.filter((s) => s.shape.length >= 2);
  if (kernels.length > 0 && kernels.every((s) => s.quantization?.dtype === 'float16')) return 'float16';
  return undefined;
}

/** Checks the weightsManifest of a parsed model.json; throws a WeightsError if unusable. */
export function checkManifest(modelJson: unknown, file = 'model.json'): CheckedManifest {
  const manifest = isRecord(modelJson) ? modelJson.weightsManifest : undefined;
  if (!Array.isArray(manifest) || manifest.length === 0) {
    throw new WeightsError('bad-manifest', file, `${file} has no weightsManifest.`);
  }
  const groups = manifest.map((g) => checkGroup(g, file));
  const specs = groups.flatMap((g) => g.specs);
  const paths = groups.flatMap((g) => g.paths);
  for (const names of [specs.map((s) => s.name), paths]) {
    const twice = names.find((name, i) => names.indexOf(name) !== i);
    if (twice !== undefined) {
      throw new WeightsError('bad-manifest', file, `${file} lists ${twice} twice.`);
    }
  }
  const totalBytes = groups.reduce((sum, g) => sum + g.byteLength, 0);
  return { groups, paths, specs, totalBytes, variant: variantOf(specs) };
}

// An HTML page (a dev server's index.html fallback, a proxy's error page) or a JSON
// error body where a shard should be. Real shards are raw floats: the odds that their
// first bytes are all printable ASCII starting with '<' or '{' are nil.
function looksLikeText(shard: ArrayBuffer): boolean {
  const sample = new Uint8Array(shard, 0, Math.min(shard.byteLength, 64));
  const hasBom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;
  const bytes = hasBom ? sample.subarray(3) : sample;
  const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
  const first = bytes.find((b) => !isSpace(b));
  if (first !== 0x3c && first !== 0x7b) return false; // '<' or '{'
  return bytes.every((b) => isSpace(b) || (b >= 0x20 && b < 0x7f));
}

/**
 * The shard most likely cut short. tfjs writes shards of one size and a smaller last one;
 * the suspect is the last shard whose restored size gives that layout again.
 */
function truncatedSuspect(paths: readonly string[], sizes: readonly number[], expected: number): string {
  const missing = expected - sizes.reduce((sum, size) => sum + size, 0);
  const restoresLayout = (index: number) => {
    const restored = sizes.map((size, i) => (i === index ? size + missing : size));
    const full = restored[0];
    return restored.slice(0, -1).every((size) => size === full) && restored[restored.length - 1] <= full;
  };
  const index = sizes.findLastIndex((_, i) => restoresLayout(i));
  return paths[index === -1 ? paths.length - 1 : index];
}

function checkGroupSizes(group: ShardGroup, sizes: readonly number[]): void {
  const actual = sizes.reduce((sum, size) => sum + size, 0);
  if (actual < group.byteLength) {
    const file = truncatedSuspect(group.paths, sizes, group.byteLength);
    throw new WeightsError('truncated', file,
      `Weights file ${file} is truncated: its group holds ${actual} bytes, model.json describes ${group.byteLength}.`);
  }
  if (actual > group.byteLength) {
    const file = group.paths[group.paths.length - 1];
    throw new WeightsError('size-mismatch', file,
      `Weights file ${file} does not match model.json: its group holds ${actual} bytes, ` +
      `${actual - group.byteLength} more than the ${group.byteLength} that model.json describes.`);
  }
}

function toHex(digest: ArrayBuffer): string {
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Web Crypto's digest API, as the page and Node both expose it (no DOM type needed). */
type Subtle = typeof globalThis.crypto.subtle;

async function checkHash(file: string, shard: ArrayBuffer, pins: ShardPins, subtle: Subtle) {
  const expected = pins[file];
  if (expected === undefined) {
    throw new WeightsError('hash-mismatch', file, `Weights file ${file} is not in the pinned list of shards.`);
  }
  const actual = toHex(await subtle.digest('SHA-256', shard));
  if (actual !== expected.toLowerCase()) {
    throw new WeightsError('hash-mismatch', file,
      `Weights file ${file} is damaged or not the expected one: its SHA-256 is ${actual}, pinned ${expected}.`);
  }
}

export interface ShardCheck {
  /** False only where Web Crypto is missing (pages served over plain http off localhost). */
  readonly hashesChecked: boolean;
}

/**
 * Checks the shard bytes against a checked manifest (one ArrayBuffer per entry of
 * `manifest.paths`, in order) and their SHA-256 against `pins`. Throws a WeightsError.
 */
export async function checkShards(
  manifest: CheckedManifest, shards: readonly ArrayBuffer[], pins: ShardPins,
): Promise<ShardCheck> {
  if (shards.length < manifest.paths.length) {
    const file = manifest.paths[shards.length];
    throw new WeightsError('missing-file', file, `Weights file ${file} is missing.`);
  }
  manifest.paths.forEach((file, i) => {
    if (looksLikeText(shards[i])) {
      throw new WeightsError('not-binary', file,
        `Weights file ${file} is a web page or text, not binary weights: the server sent something else in its place.`);
    }
  });
  let index = 0;
  for (const group of manifest.groups) {
    checkGroupSizes(group, shards.slice(index, index + group.paths.length).map((s) => s.byteLength));
    index += group.paths.length;
  }
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return { hashesChecked: false };
  await Promise.all(manifest.paths.map((file, i) => checkHash(file, shards[i], pins, subtle)));
  return { hashesChecked: true };
}
