/**
 * The residual blocks a lesion can switch off, read from the architecture table (no tfjs:
 * the page lists them beside its toggles and the command line checks names before any
 * weight is read). Off means the block's residual branch is removed: an identity block then
 * outputs ReLU(x) = x (x is already non-negative), a convolutional block only its projection
 * shortcut, ReLU(BN(conv1x1(x))).
 */
import { allBlocks, blockName, type BlockType, type ResNetConfig, type StageNumber } from '../model/pure';

export interface LesionBlock {
  /** The block as the graph names it: res2a ... res5c. */
  readonly name: string;
  readonly type: BlockType;
  readonly stage: StageNumber;
}

/** Every residual block of the configuration, in network order (16 for ResNet50). */
export function lesionBlocks(config: Pick<ResNetConfig, 'seedLiteral'>): LesionBlock[] {
  return allBlocks(config.seedLiteral).map((b) => ({ name: blockName(b.stage, b.block), type: b.type, stage: b.stage }));
}

/**
 * The blocks to switch off, each once and in network order; an unknown name throws one
 * plain message naming the valid blocks.
 */
export function checkLesion(config: Pick<ResNetConfig, 'seedLiteral'>, names: readonly string[]): string[] {
  const blocks = lesionBlocks(config).map((b) => b.name);
  for (const name of names) {
    if (!blocks.includes(name)) throw new Error(`unknown block "${name}": the blocks are ${blocks.join(', ')}`);
  }
  return blocks.filter((b) => names.includes(b));
}
