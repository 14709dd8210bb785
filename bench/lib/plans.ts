/** How much each part of the benchmark runs, in a full run and with --quick. */
import type { RunPlan } from '../core/types';
import type { MainThreadPlan } from './main-thread';

/** A 56x56x256 layer: the layer the pipeline reads, as if selected in the inspector. */
export const PIPELINE_LAYER = 'res2a_relu';

export interface Plans {
  readonly wasm: RunPlan;
  /** Bare predicts on the threaded and the single-threaded page, alternated. */
  readonly threadRounds: number;
  /**
   * SwiftShader runs ResNet50 about ten times slower than WASM: few rounds, and no warm
   * run (the first predict and the first pipeline run already compiled every shader).
   */
  readonly webgl: RunPlan;
  readonly node: Pick<RunPlan, 'rounds' | 'warmRuns' | 'images'>;
  readonly coldRuns: number;
  readonly layerSwitches: number;
  /**
   * The real app's main thread over a run of images. On software WebGL (SwiftShader) one
   * ImageNet image takes 10-60 s, so WebGL runs the SIGNS preset (the same network at
   * 64 x 64, seeded weights): the main thread's side of a pass is the same.
   */
  readonly mainThread: { readonly wasm: MainThreadPlan; readonly webgl: MainThreadPlan };
}

const base = { layer: PIPELINE_LAYER, preset: 'imagenet' } as const;

export const FULL: Plans = {
  wasm: { ...base, backend: 'wasm', rounds: 10, warmRuns: 1, images: 50 },
  threadRounds: 10,
  webgl: { ...base, backend: 'webgl', rounds: 3, warmRuns: 0, images: 4 },
  node: { rounds: 10, warmRuns: 1, images: 50 },
  coldRuns: 3,
  layerSwitches: 18,
  mainThread: {
    wasm: { backend: 'wasm', preset: 'imagenet', images: 10, memoryImages: 50 },
    webgl: { backend: 'webgl', preset: 'signs', images: 10, memoryImages: 0 },
  },
};

export const QUICK: Plans = {
  wasm: { ...base, backend: 'wasm', rounds: 3, warmRuns: 1, images: 6 },
  threadRounds: 4,
  // ImageNet on SwiftShader takes 10-30 s a pass here: a quick run measures SIGNS on WebGL.
  webgl: { ...base, preset: 'signs', backend: 'webgl', rounds: 2, warmRuns: 0, images: 3 },
  node: { rounds: 3, warmRuns: 1, images: 6 },
  coldRuns: 1,
  layerSwitches: 6,
  mainThread: {
    wasm: { backend: 'wasm', preset: 'imagenet', images: 10, memoryImages: 12 },
    webgl: { backend: 'webgl', preset: 'signs', images: 3, memoryImages: 0 },
  },
};
