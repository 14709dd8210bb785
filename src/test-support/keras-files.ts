/**
 * Model files made in tests, with the same libraries the readers use (h5wasm, fflate): the
 * committed fixtures rewritten with one thing wrong, tfjs conversions of them, and a
 * full-size legacy .h5 from the ImageNet weights. Nothing big is committed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import h5wasm, { type Attribute, type Group } from 'h5wasm';
import { unzipSync, zipSync } from 'fflate';
import { openModelFiles } from '../formats/open';
import type { ModelFileInput } from '../formats/types';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../formats/fixtures');
export const STEMS = ['tiny-seed-names', 'tiny-seed-literal', 'tiny-applications-names'] as const;
export type Stem = (typeof STEMS)[number];

export function bufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export function fixture(name: string): ModelFileInput {
  return { name, bytes: bufferOf(readFileSync(path.join(FIXTURES, name))) };
}

/** A dataset to write: its values, or (for a dataset with an absurd shape) only a shape. */
export interface Hdf5Dataset {
  readonly values?: Float32Array;
  readonly shape: readonly number[];
}

export interface Hdf5Tree {
  /** Attributes by group path ('/' for the root). */
  readonly attrs: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
  /** Datasets by full path. */
  readonly datasets: Readonly<Record<string, Hdf5Dataset>>;
}

let next = 1;

/** Writes an HDF5 file in h5wasm's in-memory file system and returns its bytes. */
export async function writeHdf5(tree: Hdf5Tree): Promise<Uint8Array> {
  const { FS } = await h5wasm.ready;
  if (!FS) throw new Error('h5wasm has no file system');
  const file = `/written-${next++}.h5`;
  const f = new h5wasm.File(file, 'w');
  const group = (p: string) => {
    const parts = p.split('/').filter(Boolean);
    let at = '';
    for (const part of parts) {
      at += `/${part}`;
      if (!f.get(at)) f.create_group(at);
    }
    return at === '' ? f : (f.get(at) as Group);
  };
  for (const [p, d] of Object.entries(tree.datasets)) {
    const parent = group(p.slice(0, p.lastIndexOf('/')));
    const name = p.slice(p.lastIndexOf('/') + 1);
    if (d.values) {
      parent.create_dataset({ name, data: d.values, shape: [...d.shape], dtype: '<f' });
    } else {
      const small = parent.create_dataset({ name, data: new Float32Array(d.shape.length), shape: d.shape.map((_, i) => (i === 0 ? d.shape.length : 1)), dtype: '<f', maxshape: d.shape.map(() => null), chunks: d.shape.map(() => 1) });
      small.resize([...d.shape]);
    }
  }
  for (const [p, attrs] of Object.entries(tree.attrs)) {
    const target = group(p);
    for (const [name, value] of Object.entries(attrs)) target.create_attribute(name, typeof value === 'string' ? value : [...value]);
  }
  f.close();
  const bytes = FS.readFile(file);
  FS.unlink(file);
  return bytes;
}

/** Every dataset and group attribute of an HDF5 file, to rewrite it with changes. */
export async function readHdf5Tree(bytes: Uint8Array): Promise<{ attrs: Record<string, Record<string, string | string[]>>; datasets: Record<string, Hdf5Dataset> }> {
  const { FS } = await h5wasm.ready;
  if (!FS) throw new Error('h5wasm has no file system');
  const file = `/read-${next++}.h5`;
  FS.writeFile(file, bytes);
  const f = new h5wasm.File(file, 'r');
  const attrs: Record<string, Record<string, string | string[]>> = {};
  const datasets: Record<string, Hdf5Dataset> = {};
  const visit = (g: Group, at: string) => {
    const own: Record<string, string | string[]> = {};
    for (const [name, a] of Object.entries(g.attrs) as [string, Attribute][]) {
      const v = a.json_value;
      if (typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))) own[name] = v as string | string[];
    }
    if (Object.keys(own).length > 0) attrs[at || '/'] = own;
    for (const key of g.keys()) {
      const child = g.get(key);
      const p = `${at}/${key}`;
      if (child instanceof h5wasm.Dataset) datasets[p] = { values: child.value as Float32Array, shape: child.shape ?? [] };
      else if (child instanceof h5wasm.Group) visit(child, p);
    }
  };
  visit(f, '');
  f.close();
  FS.unlink(file);
  return { attrs, datasets };
}

/** A fixture rewritten with `change` applied to its tree. */
export async function rewrittenHdf5(name: string, change: (tree: Awaited<ReturnType<typeof readHdf5Tree>>) => void): Promise<ModelFileInput> {
  const tree = await readHdf5Tree(new Uint8Array(fixture(name).bytes));
  change(tree);
  return { name, bytes: bufferOf(await writeHdf5(tree)) };
}

export function zipOf(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(files, { level: 0 });
}

/**
 * A fixture's .keras as a tfjs layers model: model.json (the Keras 3 topology and a manifest
 * of every weight, float32) and its values split over two shards.
 */
export async function tfjsFilesOf(stem: Stem): Promise<ModelFileInput[]> {
  const keras = fixture(`${stem}.keras`);
  const members = unzipSync(new Uint8Array(keras.bytes));
  const archive = await openModelFiles([keras]);
  const weights = archive.stored.flatMap((l) => l.weights.map((w) => ({ name: `${l.name}/${w.name}`, shape: [...w.shape], dtype: 'float32', values: w.read() })));
  archive.close();
  const all = new Float32Array(weights.reduce((n, w) => n + w.values.length, 0));
  weights.reduce((at, w) => { all.set(w.values, at); return at + w.values.length; }, 0);
  const half = Math.ceil(all.length / 2) * 4;
  const bytes = new Uint8Array(all.buffer);
  const modelJson = {
    format: 'layers-model',
    modelTopology: JSON.parse(new TextDecoder().decode(members['config.json'])) as unknown,
    weightsManifest: [{ paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'], weights: weights.map(({ name, shape, dtype }) => ({ name, shape, dtype })) }],
  };
  return [
    { name: 'model.json', bytes: bufferOf(new TextEncoder().encode(JSON.stringify(modelJson))) },
    { name: 'group1-shard1of2.bin', bytes: bufferOf(bytes.subarray(0, half)) },
    { name: 'group1-shard2of2.bin', bytes: bufferOf(bytes.subarray(half)) },
  ];
}
