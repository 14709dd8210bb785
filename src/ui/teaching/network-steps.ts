/** Chapter 3: the whole ResNet50, from zero-padding to softmax, one step per component. */
import {
  blockName, convName, denseName, formatCount, HEAD_NAMES, planSummary, presetConfig, stageBlocks, stageId,
  stageLabel, stageSpecs, STEM, STEM_NAMES, INPUT_NAME, type ResNetConfig, type StageSpec,
} from '../../model/pure';
import { filterList, modelShapes, variantShapes, type ModelShapes } from './shapes';
import type { WalkthroughStep } from './walkthrough-types';

/** The assignment text's avg_pool window. */
const TEXT_AVG_POOL = 2;
const chapter = 'resnet50';

export const HEAD_STEP_IDS = { avgPool: 'avg-pool', flatten: 'flatten', dense: 'fc' } as const;
const ZERO_PADDING_STEP_ID = 'zero-padding';

/** "res2b and res2c", "res4b, res4c, res4d, res4e and res4f" */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The SIGNS model's parameter totals, as published and as the text literally reads. */
function signsParams(): { readonly published: string; readonly literal: string } {
  const total = (seedLiteral: boolean) => formatCount(planSummary(presetConfig('signs', { seedLiteral })).totalParams);
  return { published: total(false), literal: total(true) };
}

function stemSteps(m: ModelShapes): WalkthroughStep[] {
  const { config } = m;
  const poolPad = config.poolPadding > 0;
  const input = m.side(INPUT_NAME);
  const [padded, conv1] = [m.side(STEM_NAMES.pad), m.side(STEM_NAMES.conv)];
  const padding: WalkthroughStep = {
    id: ZERO_PADDING_STEP_ID, chapter, title: `Zero-padding (${STEM.inputPadding} pixels)`,
    body: `The image first gets a border of ${STEM.inputPadding} pixels of zeros on every side (${input}×${input} → ${padded}×${padded}), so that the 7×7 window of the next convolution can also centre on the pixels at the very edge.`,
    layers: [STEM_NAMES.pad],
  };
  const stem = {
    id: stageId(1), chapter, title: 'Stage 1: conv1, BatchNorm, ReLU, max pool',
    body: `${STEM.conv.filters} filters of 7×7 with stride 2 pick out simple patterns such as edges and patches of colour while halving the size (→ ${m.text(STEM_NAMES.conv)}); BatchNorm and ReLU follow. A 3×3 max pool with stride 2 then keeps only the strongest value in each window, which shrinks the map to ${m.text(STEM_NAMES.pool)}.`,
    layers: [STEM_NAMES.conv, STEM_NAMES.bn, STEM_NAMES.relu, ...(poolPad ? [STEM_NAMES.poolPad] : []), STEM_NAMES.pool],
  } satisfies WalkthroughStep;
  if (!poolPad) return [padding, stem];
  const [poolInput, pool1] = [m.side(STEM_NAMES.poolPad), m.side(STEM_NAMES.pool)];
  const unpadded = variantShapes(m, { poolPadding: 0 }).side(STEM_NAMES.pool);
  const note = `Not in the text: pool1_pad. This ImageNet model adds a ${config.poolPadding}-pixel border of zeros around conv1's ${conv1}×${conv1} map before the max pool (→ ${poolInput}×${poolInput}), so the pool gives ${pool1}×${pool1} instead of ${unpadded}×${unpadded}: the size stage 2 had when the published Keras weights were trained. It has no weights, and after a ReLU nothing is below zero, so the added zeros never change a maximum.`;
  return [padding, { ...stem, note }];
}

function stageStep(m: ModelShapes, spec: StageSpec): WalkthroughStep {
  const blocks = stageBlocks(spec).map((b) => blockName(b.stage, b.block));
  const [first, ...rest] = blocks;
  const output = m.stageOutput(spec.stage);
  const input = m.inputOf(convName(spec.stage, 'a', '2a'));
  const [size, inSize, inChannels] = [m.side(output), m.side(input), m.channels(input)];
  const f3 = m.channels(output);
  const change = spec.stride === 1
    ? `keeps the ${size}×${size} size and widens the channels from ${inChannels} to ${f3}`
    : `shrinks the map from ${inSize}×${inSize} to ${size}×${size} and takes the channels from ${inChannels} to ${f3}`;
  const sameFilters = filterList(spec.identityFilters) === filterList(spec.filters);
  const identity = `${rest.length} identity block${rest.length === 1 ? '' : 's'} (${joinNames(rest)})`;
  const step = {
    id: stageId(spec.stage), chapter,
    title: `Stage ${spec.stage}: ${spec.blocks} blocks, ${filterList(spec.filters)}`,
    body: `${first} is a convolutional block with filters ${filterList(spec.filters)}, f = ${spec.kernel} and stride s = ${spec.stride}, which ${change}. Then ${identity} ${sameFilters ? 'with the same filters' : `with filters ${filterList(spec.identityFilters)}`} refine the result without changing its shape, ${m.text(output)}.`,
    layers: [stageLabel(spec.stage), ...blocks],
  } satisfies WalkthroughStep;
  return spec.stage === 5 ? { ...step, note: stage5Note(m.config.seedLiteral) } : step;
}

function stage5Note(seedLiteral: boolean): string {
  const params = signsParams();
  const text = 'The assignment text gives the stage-5 identity blocks filters [256, 256, 2048]. The reference implementation and every published ResNet50 use [512, 512, 2048]';
  return seedLiteral
    ? `${text}; this build follows the text literally, which gives the SIGNS model ${params.literal} parameters instead of the published ${params.published}. Untick the stage-5 option to compare.`
    : `${text}, and so does this model: that is what gives the SIGNS model its ${params.published} parameters. Read literally, the text would give ${params.literal}.`;
}

function headSteps(m: ModelShapes): WalkthroughStep[] {
  const { config } = m;
  const last = m.stageOutput(5);
  const [final, channels] = [m.side(last), m.channels(last)];
  const pooled = m.text(HEAD_NAMES.avgPool);
  const k = config.avgPoolSize;
  const whole = k === final;
  const avgPool: WalkthroughStep = {
    id: HEAD_STEP_IDS.avgPool, chapter, title: `Average pooling (${k}×${k}): avg_pool`,
    body: `Each of the ${channels} channels of the final ${final}×${final} map is averaged over a ${k}×${k} window${whole ? ', which here is the whole map, so every channel becomes a single number' : ''} (→ ${pooled}). That number says how strongly the feature the channel has learned shows up anywhere in the image.`,
    layers: [HEAD_NAMES.avgPool],
    ...(config.preset === 'imagenet' ? { note: avgPoolNote(m) } : {}),
  };
  const flatten: WalkthroughStep = {
    id: HEAD_STEP_IDS.flatten, chapter, title: 'Flatten',
    body: `Unrolls the ${pooled} result into a plain list of ${m.channels(HEAD_NAMES.flatten)} numbers, the form a fully connected layer takes. Nothing is learned here.`,
    layers: [HEAD_NAMES.flatten],
  };
  const fc = denseName(config.classes);
  const dense: WalkthroughStep = {
    id: HEAD_STEP_IDS.dense, chapter, title: `Fully connected + softmax: ${fc}`,
    body: `Each of the ${config.classes} outputs is a weighted sum of all ${channels} features plus a bias; softmax turns these scores into probabilities that add up to 1. The largest is the prediction: ${predictionWords(config)}.`,
    layers: [fc],
  };
  return [avgPool, flatten, dense];
}

/** Why the ImageNet model's window is not the text's 2x2. */
function avgPoolNote(m: ModelShapes): string {
  const signs = modelShapes(planSummary(presetConfig('signs')));
  const [signsSide, signsFinal] = [signs.side(INPUT_NAME), signs.side(signs.stageOutput(5))];
  const [input, final] = [m.side(INPUT_NAME), m.side(m.stageOutput(5))];
  const literal = variantShapes(m, { avgPoolSize: TEXT_AVG_POOL });
  const k = m.config.avgPoolSize;
  const w = `${TEXT_AVG_POOL}×${TEXT_AVG_POOL}`;
  return `Not as in the text: its ${w} window fits the ${signsSide}×${signsSide} SIGNS images, whose final map is ${signsFinal}×${signsFinal}. A ${input}×${input} ImageNet image leaves a ${final}×${final} map, so this model uses a ${k}×${k} window, the whole map, as the published ResNet50 does. A ${w} window would leave ${literal.text(HEAD_NAMES.avgPool)}: ${formatCount(literal.channels(HEAD_NAMES.flatten))} numbers where the published fully connected layer expects ${formatCount(m.channels(HEAD_NAMES.flatten))}.`;
}

function predictionWords(config: ResNetConfig): string {
  if (config.preset === 'signs' && config.classes === 6) return 'which hand sign, 0 to 5, the picture shows';
  if (config.preset === 'imagenet' && config.classes === 1000) return 'one of the 1000 ImageNet categories';
  return `one of the ${config.classes} classes`;
}

export function networkSteps(m: ModelShapes): WalkthroughStep[] {
  const stages = stageSpecs(m.config.seedLiteral).map((spec) => stageStep(m, spec));
  return [...stemSteps(m), ...stages, ...headSteps(m)];
}
