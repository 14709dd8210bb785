/** Spatial sizes along the network, worked out from the config so the prose can quote them. */
import { stageSpecs, type StageNumber, type StageSpec } from '../../model/architecture';
import type { ResNetConfig } from '../../model/presets';

export interface SizeTrace {
  /** Height (= width) of the input image. */
  readonly input: number;
  /** After `conv1_pad` (3 pixels of zeros on every side). */
  readonly padded: number;
  /** After conv1 (7x7, stride 2, "valid"). */
  readonly conv1: number;
  /** What the max pool reads: conv1's map, plus `pool1_pad` when the preset has one. */
  readonly poolInput: number;
  /** After pool1 (3x3, stride 2, no padding). */
  readonly pool1: number;
  /** The max pool's output size had there been no `pool1_pad`. */
  readonly pool1Unpadded: number;
  /** Output size of each stage. */
  readonly stages: Readonly<Record<StageNumber, number>>;
  /** Final map after avg_pool (1 when the window covers the whole map). */
  readonly avgPool: number;
}

/** Output size of a "valid" window of size k and stride s. */
function valid(size: number, k: number, s: number): number {
  return Math.floor((size - k) / s) + 1;
}

export function traceSizes(config: ResNetConfig): SizeTrace {
  const input = config.inputShape[0];
  const padded = input + 6;
  const conv1 = valid(padded, 7, 2);
  const poolInput = conv1 + 2 * config.poolPadding;
  const pool1 = valid(poolInput, 3, 2);
  let size = pool1;
  const stages = {} as Record<StageNumber, number>;
  for (const spec of stageSpecs(config.seedLiteral)) {
    // The stride-s 1x1 "valid" conv of block "a" sets the stage's size; the rest keep it.
    size = valid(size, 1, spec.stride);
    stages[spec.stage] = size;
  }
  return {
    input, padded, conv1, poolInput, pool1, pool1Unpadded: valid(conv1, 3, 2), stages,
    avgPool: valid(size, config.avgPoolSize, config.avgPoolSize),
  };
}

export function specOf(config: ResNetConfig, stage: StageNumber): StageSpec {
  const spec = stageSpecs(config.seedLiteral).find((s) => s.stage === stage);
  if (!spec) throw new Error(`no stage ${stage} in the architecture table`);
  return spec;
}

/** "15×15×256" */
export function shape(size: number, channels: number): string {
  return `${size}×${size}×${channels}`;
}

/** "[64, 64, 256]" */
export function filterList(filters: readonly number[]): string {
  return `[${filters.join(', ')}]`;
}
