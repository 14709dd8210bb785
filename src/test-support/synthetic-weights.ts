/** Small synthetic weight files for the tests: a manifest, its shards and their pins. */
import type { ShardPins } from '../model/weights/manifest';

export interface SyntheticWeights {
  modelJson: { modelTopology: null; weightsManifest: { paths: string[]; weights: unknown[] }[] };
  shards: ArrayBuffer[];
  pins: ShardPins;
}

export const SYNTHETIC_SPECS = [
  { name: 'dense/kernel', shape: [2, 3], dtype: 'float32' },
  { name: 'dense/bias', shape: [3], dtype: 'float32' },
  { name: 'bn/gamma', shape: [3], dtype: 'float32' },
  { name: 'bn/beta', shape: [3], dtype: 'float32' },
  { name: 'bn/moving_mean', shape: [3], dtype: 'float32' },
  { name: 'bn/moving_variance', shape: [3], dtype: 'float32' },
] as const;

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function pinsOf(paths: readonly string[], shards: readonly ArrayBuffer[]): Promise<ShardPins> {
  const entries = await Promise.all(paths.map(async (p, i) => [p, await sha256Hex(shards[i])] as const));
  return Object.fromEntries(entries);
}

/** 21 float32 values (84 bytes) cut into shards of 64 and 20 bytes, as tfjs would. */
export async function makeSynthetic(): Promise<SyntheticWeights> {
  const values = Float32Array.from({ length: 21 }, (_, i) => (i + 1) / 8);
  const bytes = values.buffer;
  const shards = [bytes.slice(0, 64), bytes.slice(64)];
  const paths = ['group1-shard1of2.bin', 'group1-shard2of2.bin'];
  const weights = SYNTHETIC_SPECS.map((spec) => ({ ...spec, shape: [...spec.shape] }));
  return {
    modelJson: { modelTopology: null, weightsManifest: [{ paths, weights }] },
    shards,
    pins: await pinsOf(paths, shards),
  };
}

export function textBuffer(text: string): ArrayBuffer {
  return new TextEncoder().encode(text).buffer as ArrayBuffer;
}
