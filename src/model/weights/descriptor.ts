/**
 * The ImageNet weights as typed data: where each copy lives, what it holds, the pinned
 * hashes (written by `node scripts/fetch-weights.mjs --write-pins`) and the preprocessing
 * the weights were trained with.
 */
import { CAFFE_PREPROCESSING, type Preprocessing } from '../preprocessing';
import pinsJson from './pins.json';
import type { ShardPins, WeightsVariant } from './manifest';

export interface WeightsPins {
  readonly source: string;
  readonly labelsSha256: string;
  readonly modelJsonSha256: Readonly<Record<WeightsVariant, string>>;
  readonly float32: ShardPins;
  readonly float16: ShardPins;
}

export const WEIGHTS_PINS: WeightsPins = pinsJson;

export interface WeightsDescriptor {
  readonly variant: WeightsVariant;
  /** Folder below the site root (and below `public/` on disk). */
  readonly path: string;
  readonly shardCount: number;
  /** Bytes of all shards together: what a progress bar counts to. */
  readonly totalBytes: number;
  readonly tensorCount: number;
  readonly classes: number;
  readonly inputShape: readonly [number, number, number];
  readonly source: string;
  readonly pins: ShardPins;
  /** What the weights were trained on: Keras "caffe" mode for these (see preprocessing.ts). */
  readonly preprocessing: Preprocessing;
}

const COMMON = {
  tensorCount: 320,
  classes: 1000,
  inputShape: [224, 224, 3],
  source: WEIGHTS_PINS.source,
  preprocessing: CAFFE_PREPROCESSING,
} as const;

export const IMAGENET_WEIGHTS: Readonly<Record<WeightsVariant, WeightsDescriptor>> = {
  float32: {
    ...COMMON,
    variant: 'float32',
    path: 'models/resnet50/',
    shardCount: Object.keys(WEIGHTS_PINS.float32).length,
    totalBytes: 102_546_848,
    pins: WEIGHTS_PINS.float32,
  },
  float16: {
    ...COMMON,
    variant: 'float16',
    path: 'models/resnet50-f16/',
    shardCount: Object.keys(WEIGHTS_PINS.float16).length,
    totalBytes: 51_541_024,
    pins: WEIGHTS_PINS.float16,
  },
};
