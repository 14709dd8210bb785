/**
 * The ImageNet weights as typed data: where each copy lives, what it holds, the pinned
 * hashes (written by `node scripts/fetch-weights.mjs --write-pins`) and the preprocessing
 * the weights were trained with.
 */
import { CAFFE_PREPROCESSING, type Preprocessing } from '../preprocessing';
import pinsJson from './pins.json';
import type { ShardPins, WeightsVariant } from './manifest';

/** The shard hashes; pins.json also holds model.json's and labels.json's, which scripts/ checks. */
type WeightsPins = Readonly<Record<WeightsVariant, ShardPins>>;

const WEIGHTS_PINS: WeightsPins = pinsJson;

export interface WeightsDescriptor {
  /** Folder below the site root (and below `public/` on disk). */
  readonly path: string;
  readonly shardCount: number;
  /** Bytes of all shards together: what a progress bar counts to. */
  readonly totalBytes: number;
  readonly tensorCount: number;
  /** SHA-256 of each shard, checked before tfjs reads a byte. */
  readonly pins: ShardPins;
  /** What the weights were trained on: Keras "caffe" mode for these (see preprocessing.ts). */
  readonly preprocessing: Preprocessing;
}

const COMMON = {
  tensorCount: 320,
  preprocessing: CAFFE_PREPROCESSING,
} as const;

export const IMAGENET_WEIGHTS: Readonly<Record<WeightsVariant, WeightsDescriptor>> = {
  float32: {
    ...COMMON,
    path: 'models/resnet50/',
    shardCount: Object.keys(WEIGHTS_PINS.float32).length,
    totalBytes: 102_546_848,
    pins: WEIGHTS_PINS.float32,
  },
  float16: {
    ...COMMON,
    path: 'models/resnet50-f16/',
    shardCount: Object.keys(WEIGHTS_PINS.float16).length,
    totalBytes: 51_541_024,
    pins: WEIGHTS_PINS.float16,
  },
};
