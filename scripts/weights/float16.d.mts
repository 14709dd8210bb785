// Types for float16.mjs, so TypeScript tests can drive the same writer the script uses.
import type { io } from '@tensorflow/tfjs';

export declare const FLOAT16_SHARD_BYTES: number;

export declare function float32ToFloat16Bits(values: Float32Array): Uint16Array;

export interface Float16Options {
  shardBytes?: number;
  shardPrefix?: string;
}

export interface Float16Weights {
  weightsManifest: io.WeightsManifestConfig;
  shards: Uint8Array[];
}

export declare function toFloat16Weights(
  specs: readonly io.WeightsManifestEntry[],
  bytes: Uint8Array,
  options?: Float16Options,
): Float16Weights;
