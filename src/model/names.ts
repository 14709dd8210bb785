import type { BlockLetter, Branch, StageNumber } from './vocabulary';

/** The seed's `conv_name_base + branch`: res2a_branch2a, res3a_branch1, ... */
export function convName(stage: StageNumber, block: BlockLetter, branch: Branch): string {
  return `res${stage}${block}_branch${branch}`;
}

/** The seed's `bn_name_base + branch`: bn2a_branch2a, bn3a_branch1, ... */
export function bnName(stage: StageNumber, block: BlockLetter, branch: Branch): string {
  return `bn${stage}${block}_branch${branch}`;
}

/** A block as a whole, as the graph and the UI call it: res2a, res5c. */
export function blockName(stage: StageNumber, block: BlockLetter): string {
  return `res${stage}${block}`;
}

/** Names for what the seed leaves unnamed, so they can be looked up in any page. */
export const unnamed = {
  branchRelu: (stage: StageNumber, block: BlockLetter, branch: Branch) =>
    `${convName(stage, block, branch)}_relu`,
  add: (stage: StageNumber, block: BlockLetter) => `${blockName(stage, block)}_add`,
  blockRelu: (stage: StageNumber, block: BlockLetter) => `${blockName(stage, block)}_relu`,
};

export function denseName(classes: number): string {
  return `fc${classes}`;
}

/** The model's input layer. */
export const INPUT_NAME = 'input';

/** The stem's layers; conv1 and bn_conv1 are the seed's, the rest named here. */
export const STEM_NAMES = {
  pad: 'conv1_pad',
  conv: 'conv1',
  bn: 'bn_conv1',
  relu: 'conv1_relu',
  poolPad: 'pool1_pad',
  pool: 'pool1',
} as const;

/** The head's layers before the dense one (which is `denseName(classes)`). */
export const HEAD_NAMES = { avgPool: 'avg_pool', flatten: 'flatten' } as const;

/** The tfjs model's own name: resnet50_signs, resnet50_imagenet. */
export function modelName(preset: string): string {
  return `resnet50_${preset}`;
}
