/**
 * HDF5 through h5wasm (the HDF5 C library compiled to WebAssembly, maintained by NIST; it
 * reads every layout h5py writes, and writes too, which the tests use). The file's bytes
 * are handed to its in-memory file system without a copy; a dataset is read only when its
 * weight is set, after its declared shape has been checked.
 */
import h5wasm, { Dataset, Group, type File as H5File } from 'h5wasm';
import { formatBytes, ModelFileError } from './errors';
import { LIMIT, MAX_MODEL_BYTES, shapeSize } from './limits';
import type { StoredWeight } from './types';

const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** HDF5's signature, at 0 or after a user block (512, 1024, 2048, ... bytes). */
export function signatureOffset(bytes: Uint8Array): number {
  for (let at = 0; at + SIGNATURE.length <= bytes.length; at = at === 0 ? 512 : at * 2) {
    if (SIGNATURE.every((b, i) => bytes[at + i] === b)) return at;
  }
  return -1;
}

export function isHdf5(head: Uint8Array): boolean {
  return signatureOffset(head) >= 0;
}

function readAddress(view: DataView, at: number, size: number): number {
  if (at + size > view.byteLength) return Number.NaN;
  if (size === 4) return view.getUint32(at, true);
  if (size === 8) return Number(view.getBigUint64(at, true));
  return Number.NaN;
}

/** The file length the superblock records (versions 0-3), or NaN when it cannot be read. */
function storedEof(bytes: Uint8Array, base: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (base + 16 > bytes.length) return Number.NaN;
  const version = bytes[base + 8];
  if (version === 0 || version === 1) {
    const offsets = bytes[base + 13];
    const start = base + 24 + (version === 1 ? 4 : 0);
    return readAddress(view, start + 2 * offsets, offsets);
  }
  if (version === 2 || version === 3) {
    const offsets = bytes[base + 9];
    return readAddress(view, base + 12 + 2 * offsets, offsets);
  }
  return Number.NaN;
}

/** Refuses a non-HDF5 file (an HTML page saved as .h5) and a cut-short one, in plain words. */
function checkHeader(file: string, bytes: Uint8Array): void {
  const base = signatureOffset(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
  if (base < 0) {
    const text = new TextDecoder().decode(bytes.subarray(0, 256)).trimStart().toLowerCase();
    const page = text.startsWith('<!doctype html') || text.startsWith('<html');
    throw new ModelFileError(file, page
      ? 'is a web page (HTML), not an HDF5 model file: the download probably failed; save the file itself again.'
      : 'is not an HDF5 file (it lacks the HDF5 signature).');
  }
  const eof = storedEof(bytes, base);
  if (Number.isFinite(eof) && bytes.length < base + eof) {
    throw new ModelFileError(file,
      `is truncated: it holds ${formatBytes(bytes.length)} of the ${formatBytes(base + eof)} its header records (an interrupted download or copy).`);
  }
}

let ready: Promise<void> | null = null;

/** Loads the library once, with HDF5's errors thrown (not printed to the console). */
function load(): Promise<void> {
  ready ??= h5wasm.ready.then((module) => { module.activate_throwing_error_handler(); });
  return ready;
}

let nextFile = 1;

/** An open HDF5 file: groups, attributes and float datasets by path. */
export class Hdf5Reader {
  private constructor(readonly file: string, private readonly handle: H5File, private readonly path: string, private readonly bytes: number) {}

  static async open(file: string, bytes: Uint8Array): Promise<Hdf5Reader> {
    checkHeader(file, bytes);
    await load();
    const path = `/model-${nextFile++}.h5`;
    const { FS } = await h5wasm.ready;
    if (!FS) throw new Error('h5wasm has no file system');
    // canOwn: the in-memory file system keeps this view rather than copying the bytes.
    const writeFile = FS.writeFile as (path: string, data: Uint8Array, options: { canOwn: boolean }) => void;
    writeFile(path, bytes, { canOwn: true });
    try {
      return new Hdf5Reader(file, new h5wasm.File(path, 'r'), path, bytes.length);
    } catch (err) {
      FS.unlink(path);
      throw new ModelFileError(file, `is not a readable HDF5 file (${firstLine(err)}).`);
    }
  }

  private entity(path: string) {
    try {
      return path === '' || path === '/' ? this.handle : this.handle.get(path);
    } catch (err) {
      throw new ModelFileError(this.file, `cannot be read at ${path} (${firstLine(err)}); it may be damaged.`);
    }
  }

  has(path: string): boolean {
    return this.entity(path) !== null;
  }

  /** The names inside a group (empty for anything else). */
  keys(path: string): string[] {
    const group = this.entity(path);
    return group instanceof Group ? group.keys() : [];
  }

  /** An attribute as JSON-like data: a string, a number, a list; undefined when absent. */
  attr(path: string, name: string): unknown {
    const entity = this.entity(path);
    if (!(entity instanceof Group) && !(entity instanceof Dataset)) return undefined;
    try {
      const attribute = entity.attrs[name];
      return attribute === undefined ? undefined : attribute.json_value;
    } catch (err) {
      throw new ModelFileError(this.file, `has an unreadable attribute ${name} at ${path} (${firstLine(err)}).`);
    }
  }

  /**
   * A float dataset as a weight. Its shape is checked here, before anything is allocated:
   * one that could not fit in the file or in the size limit is refused.
   */
  weight(path: string, name: string): StoredWeight {
    const dataset = this.entity(path);
    if (!(dataset instanceof Dataset)) throw new ModelFileError(this.file, `has no dataset ${path}.`);
    const shape = dataset.shape ?? [];
    const { type, size } = dataset.metadata;
    if (type !== 1 || (size !== 4 && size !== 8 && size !== 2)) {
      throw new ModelFileError(this.file, `stores ${path} as something other than floating-point numbers.`);
    }
    const values = shapeSize(shape);
    const compressed = dataset.filters.length > 0;
    if (!(values * size <= MAX_MODEL_BYTES) || (!compressed && values * size > this.bytes)) {
      throw new ModelFileError(this.file,
        `declares the dataset ${path} with the shape [${shape.join(', ')}] (${formatBytes(values * size)}), ` +
        `more than ${compressed ? `the ${LIMIT} limit` : 'the whole file holds'}: the file is damaged.`);
    }
    return {
      name,
      shape,
      read: () => {
        try {
          const data = dataset.value;
          return data instanceof Float32Array ? data : Float32Array.from(data as ArrayLike<number>);
        } catch (err) {
          throw new ModelFileError(this.file, `cannot read the dataset ${path} (${firstLine(err)}); it may be damaged.`);
        }
      },
    };
  }

  close(): void {
    try {
      this.handle.close();
    } finally {
      void h5wasm.ready.then(({ FS }) => FS?.unlink(this.path));
    }
  }
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const detail = lines.find((l) => l.startsWith('minor:')) ?? lines[0] ?? 'unknown error';
  return detail.replace(/^minor:\s*/, '').toLowerCase();
}
