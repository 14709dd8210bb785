/**
 * Chapters 1 and 2: the identity block (worked example res2b) and the convolutional block
 * (worked example res3a, which has stride 2): filters from the table, sizes from the summary.
 */
import {
  blockName, bnName, convName, stageSpec, unnamed, type BlockLetter, type BlockType, type Branch, type StageNumber,
} from '../../model/pure';
import type { ModelShapes } from './shapes';
import type { Say } from './say';
import type { WalkthroughStep } from './walkthrough-types';

export type BlockPart = Branch | 'merge';

/** Step ids of the two block chapters: identity-2a ... identity-merge, convolutional-1 ... */
export function blockStepId(type: BlockType, part: BlockPart): string {
  return `${type}-${part}`;
}

export const IDENTITY_EXAMPLE = { stage: 2, block: 'b' } as const satisfies Example;
export const CONVOLUTIONAL_EXAMPLE = { stage: 3, block: 'a' } as const satisfies Example;

interface Example {
  readonly stage: StageNumber;
  readonly block: BlockLetter;
}

/** conv, BatchNorm and (for 2a, 2b) the ReLU of one component. */
function componentLayers({ stage, block }: Example, branch: Branch, relu: boolean): string[] {
  const layers = [convName(stage, block, branch), bnName(stage, block, branch)];
  return relu ? [...layers, unnamed.branchRelu(stage, block, branch)] : layers;
}

function mergeLayers({ stage, block }: Example): string[] {
  return [unnamed.add(stage, block), unnamed.blockRelu(stage, block)];
}

export function identitySteps(m: ModelShapes, say: Say): WalkthroughStep[] {
  const ex = IDENTITY_EXAMPLE;
  const spec = stageSpec(m.config.seedLiteral, ex.stage);
  const [f1, f2, f3] = spec.identityFilters;
  const output = unnamed.blockRelu(ex.stage, ex.block);
  const size = m.side(output);
  const name = blockName(ex.stage, ex.block);
  const chapter = 'identity-block';
  return [
    {
      id: blockStepId('identity', '2a'), chapter,
      title: say('wt.path1.title'),
      body: say('wt.identity.2a', { name, f1, f3 }),
      layers: componentLayers(ex, '2a', true),
    },
    {
      id: blockStepId('identity', '2b'), chapter,
      title: say('wt.path2.title'),
      body: say('wt.identity.2b', { k: spec.kernel, f2, size }),
      layers: componentLayers(ex, '2b', true),
    },
    {
      id: blockStepId('identity', '2c'), chapter,
      title: say('wt.path3.title'),
      body: say('wt.identity.2c', { f3 }),
      layers: componentLayers(ex, '2c', false),
    },
    {
      id: blockStepId('identity', 'merge'), chapter,
      title: say('wt.identity.merge.title'),
      body: say('wt.identity.merge', { shape: m.text(output) }),
      layers: mergeLayers(ex),
    },
  ];
}

export function convolutionalSteps(m: ModelShapes, say: Say): WalkthroughStep[] {
  const ex = CONVOLUTIONAL_EXAMPLE;
  const spec = stageSpec(m.config.seedLiteral, ex.stage);
  const [f1, f2, f3] = spec.filters;
  const input = m.inputOf(convName(ex.stage, ex.block, '2a'));
  const output = unnamed.blockRelu(ex.stage, ex.block);
  const [inSize, outSize] = [m.side(input), m.side(output)];
  const [inShape, outShape] = [m.text(input), m.text(output)];
  const name = blockName(ex.stage, ex.block);
  const chapter = 'convolutional-block';
  return [
    {
      id: blockStepId('convolutional', '2a'), chapter,
      title: say('wt.conv.2a.title'),
      body: say('wt.conv.2a', { name, s: spec.stride, inSize, outSize, f1 }),
      layers: componentLayers(ex, '2a', true),
    },
    {
      id: blockStepId('convolutional', '2b'), chapter,
      title: say('wt.path2.title'),
      body: say('wt.conv.2b', { k: spec.kernel, f2, size: outSize }),
      layers: componentLayers(ex, '2b', true),
    },
    {
      id: blockStepId('convolutional', '2c'), chapter,
      title: say('wt.path3.title'),
      body: say('wt.conv.2c', { f3, outShape, inShape }),
      layers: componentLayers(ex, '2c', false),
    },
    {
      id: blockStepId('convolutional', '1'), chapter,
      title: say('wt.conv.1.title'),
      body: say('wt.conv.1', { f3, s: spec.stride, outShape }),
      layers: componentLayers(ex, '1', false),
    },
    {
      id: blockStepId('convolutional', 'merge'), chapter,
      title: say('wt.conv.merge.title'),
      body: say('wt.conv.merge', { shape: outShape }),
      layers: mergeLayers(ex),
    },
  ];
}
