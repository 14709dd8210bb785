// SHA-256 pins for both weight copies, kept in src/model/weights/pins.json so that the
// script (here) and the loader (src/model/weights/manifest.ts) check the same list.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const VARIANTS = /** @type {const} */ (['float32', 'float16']);

export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Hashes one variant's files: `files` maps file name -> bytes and holds model.json,
 * labels.json and the shards.
 * @param {Map<string, Uint8Array>} files
 */
export function digestVariant(files) {
  const shards = {};
  for (const [name, bytes] of files) {
    if (name.endsWith('.bin')) shards[name] = sha256(bytes);
  }
  return {
    modelJson: sha256(files.get('model.json')),
    labels: sha256(files.get('labels.json')),
    shards,
  };
}

export function pinsFrom(source, digests) {
  return {
    source,
    labelsSha256: digests.float32.labels,
    modelJsonSha256: { float32: digests.float32.modelJson, float16: digests.float16.modelJson },
    float32: digests.float32.shards,
    float16: digests.float16.shards,
  };
}

/** Names of the files whose hash differs from the pins (missing ones included). */
export function mismatches(pins, variant, digest) {
  const bad = [];
  if (digest.modelJson !== pins.modelJsonSha256[variant]) bad.push('model.json');
  if (digest.labels !== pins.labelsSha256) bad.push('labels.json');
  const expected = pins[variant];
  for (const name of new Set([...Object.keys(expected), ...Object.keys(digest.shards)])) {
    if (expected[name] !== digest.shards[name]) bad.push(name);
  }
  return bad;
}

/** Reads the pinned files of one variant from disk; undefined if any is missing. */
export async function readVariantDir(dir, pins, variant) {
  const names = ['model.json', 'labels.json', ...Object.keys(pins[variant])];
  const files = new Map();
  try {
    for (const name of names) files.set(name, await readFile(path.join(dir, name)));
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
  return files;
}

export async function readPins(file) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw new Error(`could not read ${file}: ${error.message}`);
  }
}

export async function writePins(file, pins) {
  await writeFile(file, `${JSON.stringify(pins, null, 2)}\n`);
}
