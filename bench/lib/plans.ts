/** How much each part of the benchmark runs, in a full run and with --quick. */
import type { AttributionPlan, ExperimentPlan, RunPlan } from '../core/types';
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
  /**
   * The attribution figures (issue 11), WASM in the bench worker. On ImageNet one saliency
   * map is a full backward pass (~3.5 s here) and integrated gradients at 32 steps are 32 of
   * them (~2 minutes), so a quick run (inside `npm test`) measures the SIGNS preset.
   */
  readonly attribution: AttributionPlan;
  /** The experiment figures (issue 12): lesion toggle and comparison curve in the bench worker, evaluate's threads in Node. */
  readonly experiments: ExperimentPlan;
  readonly evaluate: { readonly preset: 'imagenet' | 'signs'; readonly images: number };
}

const base = { layer: PIPELINE_LAYER, preset: 'imagenet' } as const;

/** res4a: a convolutional block switched off (its shortcut's projection stays); the curve as wide as on a 1280-wide page. */
const experimentBase = { backend: 'wasm', lesionBlock: 'res4a', curveWidth: 1180 } as const;

/** The effective receptive field's unit: the last block of stage 2 (35 x 35 theoretical field on ImageNet), at its map's centre. */
const attributionBase = {
  backend: 'wasm', igSteps: 32, memoryAttributions: 20, unitLayer: 'res2c_relu', gapImages: ['chelsea.png', 'coffee.png'], gapSteps: [8, 64],
} as const;

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
  // The saliency warm-up already ran IG's batch of one (ImageNet): no untimed IG run.
  // The batched forward passes run first: the largest grows the worker's memory before IG's runs are timed.
  attribution: { ...attributionBase, preset: 'imagenet', rounds: 3, igRounds: 1, igWarmRuns: 0, forwardBatches: [1, 4, 8, 16, 32], gapBaseline: 'black' },
  experiments: { ...experimentBase, preset: 'imagenet', rounds: 5 },
  evaluate: { preset: 'imagenet', images: 12 },
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
  // ~40 s at load 7: a saliency map on SIGNS takes ~2 s here, IG at 32 steps ~12 s (4 batches of 8).
  // The completeness gap from the blurred baseline: on the seeded SIGNS model (zero biases) the black one is exact at any steps.
  attribution: { ...attributionBase, preset: 'signs', rounds: 3, igRounds: 1, igWarmRuns: 0, forwardBatches: [1, 16, 32], gapBaseline: 'blur' },
  // SIGNS (the same 176 layers at 64 x 64): inside `npm test` the section adds seconds, not a minute of ImageNet passes.
  experiments: { ...experimentBase, preset: 'signs', rounds: 2 },
  evaluate: { preset: 'signs', images: 8 },
};
