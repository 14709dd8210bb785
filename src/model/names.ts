import type { BlockLetter, Branch, StageNumber } from './architecture';

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
