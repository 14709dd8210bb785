/**
 * The words every room shares: the literal unions for a layer's position, the ids and labels
 * of the stem, the stages and the head, the statistics a graph can be tinted by, and the two
 * ways a shape is written. Spelled once here so the graph, the walkthrough, the table and
 * the URL cannot drift apart. No tfjs, no DOM.
 */

export type StageNumber = 2 | 3 | 4 | 5;
/** Stage 1 is the stem (conv1, bn_conv1, pool1); the head has no stage. */
export type StageIndex = 1 | StageNumber;
export type BlockLetter = 'a' | 'b' | 'c' | 'd' | 'e' | 'f';
/** Main-path components are 2a, 2b, 2c; the projection shortcut is 1. */
export type Branch = '2a' | '2b' | '2c' | '1';

/** Block "a" of a stage is convolutional (projection shortcut); the rest are identity blocks. */
export const BLOCK_TYPES = ['convolutional', 'identity'] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

/** Ids (and the names people use) of the two groups that are not stages. */
export const STEM_ID = 'stem';
export const HEAD_ID = 'head';

/**
 * Id of a stage: the graph's group id for stages 2-5 and the walkthrough's step id for
 * stages 1-5 (stage 1's group is the stem), so a step and its node share one spelling.
 */
export function stageId(stage: StageIndex): string {
  return `stage-${stage}`;
}

/** What a person and a screen reader call a stage: `stage 2`. */
export function stageLabel(stage: StageIndex): string {
  return `stage ${stage}`;
}

/** The statistics a person can tint the graph by, in the order a picker lists them. */
export const TINT_STATISTICS = [
  { id: 'mean', label: 'Mean activation' },
  { id: 'zeroFraction', label: 'Fraction of zeros' },
  { id: 'max', label: 'Maximum activation' },
] as const;

export type TintStatistic = (typeof TINT_STATISTICS)[number]['id'];

export function tintLabel(statistic: TintStatistic): string {
  const found = TINT_STATISTICS.find((s) => s.id === statistic);
  if (!found) throw new Error(`unknown tint statistic "${statistic}"`);
  return found.label;
}

/** One image's shape as a Python tuple: (56, 56, 256), and (2048,) for a vector. */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** Keras's own spelling in a model summary, the batch axis first: (None, 56, 56, 256), (None, 2048). */
export function kerasShape(shape: readonly number[]): string {
  return `(${['None', ...shape].join(', ')})`;
}

/** The short spelling, for graph nodes and prose: 56×56×256. */
export function shapeText(shape: readonly number[]): string {
  return shape.join('×');
}

/** Thousands separators as Keras prints them: 23,600,006. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
