/**
 * Chapters 1 and 2: the identity block (worked example res2b) and the convolutional block
 * (worked example res3a, which has stride 2): filters from the table, sizes from the summary.
 */
import {
  blockName, bnName, convName, stageSpec, unnamed, type BlockLetter, type BlockType, type Branch, type StageNumber,
} from '../../model/pure';
import type { ModelShapes } from './shapes';
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

export function identitySteps(m: ModelShapes): WalkthroughStep[] {
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
      title: 'Main path 1: 1×1 conv, BatchNorm, ReLU',
      body: `In ${name}, a 1×1 convolution with F1 = ${f1} filters mixes the channels of each pixel on its own and cuts them from ${f3} to ${f1}, so the costly step that follows has less to do. BatchNorm rescales every channel to a steady range, and ReLU turns negative values into zero.`,
      layers: componentLayers(ex, '2a', true),
    },
    {
      id: blockStepId('identity', '2b'), chapter,
      title: 'Main path 2: f×f conv, BatchNorm, ReLU',
      body: `The only convolution in the block that looks at neighbouring pixels: a ${spec.kernel}×${spec.kernel} window (f = ${spec.kernel}) with F2 = ${f2} filters. "Same" padding adds a border first, so the map stays ${size}×${size}. BatchNorm and ReLU follow, as before.`,
      layers: componentLayers(ex, '2b', true),
    },
    {
      id: blockStepId('identity', '2c'), chapter,
      title: 'Main path 3: 1×1 conv, BatchNorm',
      body: `A second 1×1 convolution, with F3 = ${f3} filters, widens the channels back to the ${f3} that came into the block, then BatchNorm. There is deliberately no ReLU here: it waits until the shortcut has been added.`,
      layers: componentLayers(ex, '2c', false),
    },
    {
      id: blockStepId('identity', 'merge'), chapter,
      title: 'Add the shortcut, then ReLU',
      body: `The block's input skips the three components and is added, number by number, to their result; this works because both are ${m.text(output)}. A ReLU on the sum ends the block. The main path only has to learn a correction to its input, and the shortcut gives the gradient a direct route back, which is why a network 50 layers deep can still be trained.`,
      layers: mergeLayers(ex),
    },
  ];
}

export function convolutionalSteps(m: ModelShapes): WalkthroughStep[] {
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
      title: 'Main path 1: 1×1 conv with stride s',
      body: `The same 1×1 convolution, BatchNorm and ReLU as in the identity block, except that the convolution moves s pixels at a time. In ${name} s = ${spec.stride}, so it reads every other pixel in each direction: the map shrinks from ${inSize}×${inSize} to ${outSize}×${outSize}, with F1 = ${f1} channels.`,
      layers: componentLayers(ex, '2a', true),
    },
    {
      id: blockStepId('convolutional', '2b'), chapter,
      title: 'Main path 2: f×f conv, BatchNorm, ReLU',
      body: `Unchanged from the identity block: a ${spec.kernel}×${spec.kernel} convolution with F2 = ${f2} filters and "same" padding, then BatchNorm and ReLU, now at the smaller size of ${outSize}×${outSize}.`,
      layers: componentLayers(ex, '2b', true),
    },
    {
      id: blockStepId('convolutional', '2c'), chapter,
      title: 'Main path 3: 1×1 conv, BatchNorm',
      body: `A 1×1 convolution with F3 = ${f3} filters and BatchNorm, again without a ReLU. Its result, ${outShape}, no longer matches the block's input (${inShape}), so the input cannot simply be added to it.`,
      layers: componentLayers(ex, '2c', false),
    },
    {
      id: blockStepId('convolutional', '1'), chapter,
      title: 'Shortcut: 1×1 conv with stride s, BatchNorm',
      body: `This is what makes the block "convolutional": the shortcut gets its own 1×1 convolution with F3 = ${f3} filters and the same stride s = ${spec.stride}, plus a BatchNorm, which reshape the input to exactly ${outShape}. Each stage opens with one such block to change the size; its identity blocks then keep it.`,
      layers: componentLayers(ex, '1', false),
    },
    {
      id: blockStepId('convolutional', 'merge'), chapter,
      title: 'Add the two paths, then ReLU',
      body: `Now that both paths are ${outShape}, they are added and the sum goes through a ReLU, just as at the end of the identity block.`,
      layers: mergeLayers(ex),
    },
  ];
}
