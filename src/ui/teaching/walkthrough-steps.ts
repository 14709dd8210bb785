/**
 * The teaching walkthrough as typed data: the identity block, the convolutional block and
 * the whole ResNet50, in the order the assignment presents them, generated from the
 * architecture table. Steps name the layers (and blocks and stages) they describe so the
 * graph can highlight them; stepForLayer goes the other way.
 */
import {
  allBlocks, blockName, planSummary, stageId,
  type BlockLetter, type BlockType, type Branch, type LayerKind, type LayerRole, type ModelSummary, type StageIndex,
  type StageNumber,
} from '../../model/pure';
import { blockStepId, CONVOLUTIONAL_EXAMPLE, convolutionalSteps, IDENTITY_EXAMPLE, identitySteps } from './block-steps';
import { HEAD_STEP_IDS, networkSteps } from './network-steps';
import { modelShapes } from './shapes';
import type { ChapterInfo, WalkthroughStep } from './walkthrough-types';
import { english, type Translate } from '../i18n/i18n';
import { sayer } from './say';

export type { Chapter, ChapterInfo, WalkthroughStep } from './walkthrough-types';

export const CHAPTERS: readonly ChapterInfo[] = [
  { id: 'identity-block', example: exampleName(IDENTITY_EXAMPLE) },
  { id: 'convolutional-block', example: exampleName(CONVOLUTIONAL_EXAMPLE) },
  { id: 'resnet50', example: null },
];

function exampleName(ex: { readonly stage: StageNumber; readonly block: BlockLetter }): string {
  return blockName(ex.stage, ex.block);
}

/**
 * The steps for the model a summary describes (its preset, classes and stage-5 reading),
 * quoting the summary's own shapes, in the page's language.
 */
export function walkthroughSteps(summary: ModelSummary, t: Translate = english): WalkthroughStep[] {
  if (summary.config?.head === 'none') {
    // A model saved without its head: the steps of the same network with one, less the head's.
    const head: readonly string[] = Object.values(HEAD_STEP_IDS);
    const withHead = planSummary({ ...summary.config, head: 'classifier', classes: 1 });
    return walkthroughSteps(withHead, t).filter((step) => !head.includes(step.id));
  }
  const names = summary.config?.names;
  if (summary.config && names) {
    // A model file's own layer names (conv2_block1_1_conv): the steps are made under the
    // plan's names, with the same shapes, and point at the file's.
    const steps = walkthroughSteps(planSummary({ ...summary.config, names: undefined }), t);
    return steps.map((step) => ({ ...step, layers: step.layers.map((name) => names[name] ?? name) }));
  }
  const shapes = modelShapes(summary);
  const say = sayer(t);
  return [...identitySteps(shapes, say), ...convolutionalSteps(shapes, say), ...networkSteps(shapes, say)];
}

/**
 * What stepForLayer needs to know about a graph node. A LayerInfo fits; a block or stage
 * node passes its name, stage and block, and no kind.
 */
export interface StepTarget {
  readonly name: string;
  readonly kind?: LayerKind | null;
  readonly role?: LayerRole | null;
  readonly stage: StageIndex | null;
  readonly block: BlockLetter | null;
  readonly branch: Branch | null;
}

const BLOCK_TYPE_OF = new Map(allBlocks(false).map((b) => [`${b.stage}${b.block}`, b.type]));

function blockType(stage: StageNumber, block: BlockLetter): BlockType | undefined {
  return BLOCK_TYPE_OF.get(`${stage}${block}`);
}

/** Which step explains a layer found nowhere in the steps, from its position alone. */
function structuralStepId(t: StepTarget): string | null {
  if (t.stage === 1) return stageId(1);
  if (t.stage !== null && t.block !== null) {
    if (!t.kind) return stageId(t.stage);
    const type = blockType(t.stage, t.block);
    if (!type) return null;
    return blockStepId(type, t.role === 'merge' || t.branch === null ? 'merge' : t.branch);
  }
  if (t.stage !== null) return stageId(t.stage);
  if (t.role !== 'head') return null;
  if (t.kind === 'flatten') return HEAD_STEP_IDS.flatten;
  if (t.kind === 'dense') return HEAD_STEP_IDS.dense;
  return HEAD_STEP_IDS.avgPool;
}

/**
 * The step that explains a layer. Names a step lists win (res2b_branch2a, res3a, stage 4,
 * pool1_pad); any other layer maps by its kind and position, so res4c_branch2b leads to the
 * identity block's second component and res5a_branch1 to the convolutional block's shortcut.
 */
export function stepForLayer(
  steps: readonly WalkthroughStep[],
  layer: StepTarget,
): WalkthroughStep | undefined {
  const named = steps.find((s) => s.layers.includes(layer.name));
  if (named) return named;
  const id = structuralStepId(layer);
  return id === null ? undefined : steps.find((s) => s.id === id);
}
