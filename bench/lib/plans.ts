/** How much each part of the benchmark runs, in a full run and with --quick. */
import type { RunPlan } from '../core/types';

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
}

const base = { layer: PIPELINE_LAYER } as const;

export const FULL: Plans = {
  wasm: { ...base, backend: 'wasm', rounds: 10, warmRuns: 1, images: 50 },
  threadRounds: 10,
  webgl: { ...base, backend: 'webgl', rounds: 3, warmRuns: 0, images: 4 },
  node: { rounds: 10, warmRuns: 1, images: 50 },
  coldRuns: 3,
  layerSwitches: 18,
};

export const QUICK: Plans = {
  wasm: { ...base, backend: 'wasm', rounds: 3, warmRuns: 1, images: 6 },
  threadRounds: 4,
  webgl: { ...base, backend: 'webgl', rounds: 1, warmRuns: 0, images: 2 },
  node: { rounds: 3, warmRuns: 1, images: 6 },
  coldRuns: 1,
  layerSwitches: 6,
};
