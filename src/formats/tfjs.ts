/**
 * A tfjs layers model: model.json (the Keras topology and a weights manifest) plus its .bin
 * shards, handed in together. The manifest is checked by the ImageNet loader's own checks
 * (model/weights/manifest.ts); each weight is cut out of the shards only when it is read.
 */
import { checkManifest, type CheckedManifest, type WeightSpec } from '../model/weights/manifest';
import { WeightsError } from '../model/weights/errors';
import { formatBytes, ModelFileError } from './errors';
import { kerasLayers, parseJson } from './keras-config';
import { shortWeightName } from './keras-weights';
import type { FormatModule, ModelArchive, ModelFileInput, StoredLayer, StoredWeight } from './types';

const BYTES = { float32: 4, float16: 2, uint16: 2, uint8: 1 } as const;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** Copies `length` bytes at `offset` of the shards laid end to end (a tensor may span shards). */
function bytesAt(shards: readonly Uint8Array[], offset: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let start = 0;
  let written = 0;
  for (const shard of shards) {
    const end = start + shard.length;
    if (end > offset + written && written < length) {
      const from = offset + written - start;
      const take = Math.min(shard.length - from, length - written);
      out.set(shard.subarray(from, from + take), written);
      written += take;
    }
    start = end;
  }
  return out;
}

function decode(spec: WeightSpec, raw: Uint8Array): Float32Array {
  const q = spec.quantization;
  // `raw` is a fresh, aligned copy: float32 needs no conversion on a little-endian machine.
  if (!q && new Uint8Array(Uint16Array.of(1).buffer)[0] === 1) return new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const count = raw.byteLength / BYTES[q?.dtype ?? 'float32'];
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    if (!q) out[i] = view.getFloat32(i * 4, true);
    else if (q.dtype === 'float16') out[i] = halfToFloat(view.getUint16(i * 2, true));
    else out[i] = (q.dtype === 'uint8' ? raw[i] : view.getUint16(i * 2, true)) * (q.scale ?? 1) + (q.min ?? 0);
  }
  return out;
}

function groupWeights(file: string, manifest: CheckedManifest, shards: readonly Uint8Array[][]): StoredWeight[][] {
  return manifest.groups.map((group, g) => {
    let offset = 0;
    return group.specs.map((spec) => {
      if (spec.dtype !== 'float32') throw new ModelFileError(file, `stores the weight ${spec.name} as ${spec.dtype}; a ResNet50's weights are floats.`);
      const length = spec.shape.reduce((a, b) => a * b, 1) * BYTES[spec.quantization?.dtype ?? 'float32'];
      const at = offset;
      offset += length;
      return { name: spec.name, shape: spec.shape, read: () => decode(spec, bytesAt(shards[g], at, length)) };
    });
  });
}

function checkedManifest(file: string, json: unknown): CheckedManifest {
  try {
    return checkManifest(json, file);
  } catch (err) {
    if (err instanceof WeightsError) throw new ModelFileError(file, err.detail.replace(new RegExp(`^${file}:? ?`), ''));
    throw err;
  }
}

/** The shards of each group, found among the files given by name, with their sizes checked. */
function shardsOf(file: string, manifest: CheckedManifest, others: readonly ModelFileInput[]): Uint8Array[][] {
  const byName = new Map(others.map((f) => [baseName(f.name), f]));
  return manifest.groups.map((group) => {
    const shards = group.paths.map((path) => {
      const found = byName.get(baseName(path));
      if (!found) {
        throw new ModelFileError(file, `lists the weights file ${baseName(path)}, which was not given: open it together with model.json (all ${manifest.paths.length} .bin files).`);
      }
      return new Uint8Array(found.bytes);
    });
    const size = shards.reduce((sum, s) => sum + s.length, 0);
    if (size !== group.byteLength) {
      throw new ModelFileError(file, `describes ${formatBytes(group.byteLength)} of weights in ${group.paths.map(baseName).join(', ')}, but they hold ${formatBytes(size)} (${size < group.byteLength ? 'truncated' : 'not the files it lists'}).`);
    }
    return shards;
  });
}

export async function openTfjs(main: ModelFileInput, others: readonly ModelFileInput[]): Promise<ModelArchive> {
  const file = main.name;
  const text = new TextDecoder().decode(main.bytes);
  if (text.trimStart().startsWith('<')) throw new ModelFileError(file, 'is a web page (HTML), not a tfjs model.json.');
  const json = parseJson(file, 'content', text) as { modelTopology?: unknown; format?: unknown };
  if (json === null || typeof json !== 'object' || json.modelTopology === undefined) {
    throw new ModelFileError(file, 'is JSON but not a tfjs layers model (it has no modelTopology).');
  }
  const layers = kerasLayers(file, json.modelTopology);
  const manifest = checkedManifest(file, json);
  const weights = groupWeights(file, manifest, shardsOf(file, manifest, others)).flat();
  const classes = new Map(layers.map((l) => [l.name, l.className]));
  const stored = new Map<string, StoredWeight[]>();
  for (const w of weights) {
    const layer = w.name.split('/').slice(-2, -1)[0] ?? w.name;
    stored.set(layer, [...(stored.get(layer) ?? []), { ...w, name: shortWeightName(w.name) }]);
  }
  const list: StoredLayer[] = [...stored].map(([name, ws]) => ({ name, className: classes.get(name) ?? 'Unknown', weights: ws }));
  const version = (json.modelTopology as { keras_version?: unknown }).keras_version;
  return { file, format: 'tfjs', layers, stored: list, kerasVersion: typeof version === 'string' ? version : null, close: () => undefined };
}

export const tfjsFormat: FormatModule = {
  format: 'tfjs',
  match: (name, head) => /\.json$/i.test(name) || head[0] === 0x7b,
  open: openTfjs,
};
