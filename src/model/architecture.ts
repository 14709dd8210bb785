/**
 * The one architecture table of ResNet50: the stem, the four stages and the head. The
 * builder, the graph, the summary and the tests all read it; nothing else lists stages,
 * blocks or stem settings by hand.
 */
import type { BlockLetter, BlockType, StageNumber } from './vocabulary';

export type { BlockLetter, Branch, StageIndex, StageNumber } from './vocabulary';
export type Filters = readonly [number, number, number];

export interface StageSpec {
  readonly stage: StageNumber;
  /** Filters [F1, F2, F3] of the convolutional block (block "a"). */
  readonly filters: Filters;
  /** Filters of the identity blocks ("b", "c", ...). */
  readonly identityFilters: Filters;
  /** Number of blocks: one convolutional block followed by identity blocks. */
  readonly blocks: number;
  /** Stride s of the convolutional block's first conv and of its shortcut. */
  readonly stride: 1 | 2;
  /** Kernel size f of the middle conv. */
  readonly kernel: number;
}

/** Channels-last: every BatchNorm normalizes axis 3 of (batch, height, width, channels). */
export const CHANNELS_AXIS = 3;

/**
 * The stem before stage 2: zero-pad 3, conv 64 7x7/2 ("valid"), BatchNorm, ReLU, then a
 * 3x3/2 max pool (after `pool1_pad` when the preset has one; see ResNetConfig.poolPadding).
 */
export const STEM = {
  inputPadding: 3,
  conv: { filters: 64, kernel: 7, stride: 2 },
  pool: { size: 3, stride: 2 },
} as const;

/**
 * The head after stage 5: average pooling (window and stride ResNetConfig.avgPoolSize),
 * flatten, then a dense layer of ResNetConfig.classes units.
 */
export const HEAD = { activation: 'softmax' } as const;

export const BLOCK_LETTERS: readonly BlockLetter[] = ['a', 'b', 'c', 'd', 'e', 'f'];

/** As published (Keras, torchvision): depths [3, 4, 6, 3]. */
export const RESNET50_STAGES: readonly StageSpec[] = [
  { stage: 2, filters: [64, 64, 256], identityFilters: [64, 64, 256], blocks: 3, stride: 1, kernel: 3 },
  { stage: 3, filters: [128, 128, 512], identityFilters: [128, 128, 512], blocks: 4, stride: 2, kernel: 3 },
  { stage: 4, filters: [256, 256, 1024], identityFilters: [256, 256, 1024], blocks: 6, stride: 2, kernel: 3 },
  { stage: 5, filters: [512, 512, 2048], identityFilters: [512, 512, 2048], blocks: 3, stride: 2, kernel: 3 },
];

/**
 * The assignment text gives stage 5's identity blocks [256, 256, 2048]; the reference
 * implementation and every published ResNet50 use [512, 512, 2048]. We keep the literal
 * reading as a switchable variant because students compare the two.
 */
export const SEED_LITERAL_STAGE5_IDENTITY: Filters = [256, 256, 2048];

export interface BlockSpec {
  readonly stage: StageNumber;
  readonly block: BlockLetter;
  readonly type: BlockType;
  readonly filters: Filters;
  readonly stride: 1 | 2;
  readonly kernel: number;
}

export function stageSpecs(seedLiteral: boolean): readonly StageSpec[] {
  if (!seedLiteral) return RESNET50_STAGES;
  return RESNET50_STAGES.map((s) =>
    s.stage === 5 ? { ...s, identityFilters: SEED_LITERAL_STAGE5_IDENTITY } : s,
  );
}

/** One stage's row of the table (seedLiteral changes stage 5's identity filters). */
export function stageSpec(seedLiteral: boolean, stage: StageNumber): StageSpec {
  const spec = stageSpecs(seedLiteral).find((s) => s.stage === stage);
  if (!spec) throw new Error(`no stage ${stage} in the architecture table`);
  return spec;
}

/** Expands one stage row into its blocks: "a" is convolutional, the rest identity. */
export function stageBlocks(spec: StageSpec): BlockSpec[] {
  return BLOCK_LETTERS.slice(0, spec.blocks).map((block, i) => ({
    stage: spec.stage,
    block,
    type: i === 0 ? 'convolutional' : 'identity',
    filters: i === 0 ? spec.filters : spec.identityFilters,
    stride: i === 0 ? spec.stride : 1,
    kernel: spec.kernel,
  }));
}

export function allBlocks(seedLiteral: boolean): BlockSpec[] {
  return stageSpecs(seedLiteral).flatMap(stageBlocks);
}
