/** Chapter 3: the whole ResNet50, from zero-padding to softmax, one step per component. */
import { stageBlocks, stageSpecs, type StageSpec } from '../../model/architecture';
import { blockName, denseName } from '../../model/names';
import { presetConfig, type ResNetConfig } from '../../model/presets';
import { filterList, shape, traceSizes, type SizeTrace } from './sizes';
import type { WalkthroughStep } from './walkthrough-steps';

/** Parameter totals of the SIGNS model (checked with countParams in src/model's tests). */
const SIGNS_PARAMS = { published: '23,600,006', literal: '17,958,790' } as const;
const STEM_CHANNELS = 64;
/** The assignment text's avg_pool window. */
const TEXT_AVG_POOL = 2;
const chapter = 'resnet50';

/** The graph's name for a stage as a whole. */
export function stageGroupName(stage: number): string {
  return `stage ${stage}`;
}

export function stageStepId(stage: number): string {
  return `stage-${stage}`;
}

export const HEAD_STEP_IDS = { avgPool: 'avg-pool', flatten: 'flatten', dense: 'fc' } as const;
export const ZERO_PADDING_STEP_ID = 'zero-padding';

/** "res2b and res2c", "res4b, res4c, res4d, res4e and res4f" */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function stemSteps(config: ResNetConfig, t: SizeTrace): WalkthroughStep[] {
  const poolPad = config.poolPadding > 0;
  const padding: WalkthroughStep = {
    id: ZERO_PADDING_STEP_ID, chapter, title: 'Zero-padding (3 pixels)',
    body: `The image first gets a border of 3 pixels of zeros on every side (${t.input}×${t.input} → ${t.padded}×${t.padded}), so that the 7×7 window of the next convolution can also centre on the pixels at the very edge.`,
    layers: ['conv1_pad'],
  };
  const stem = {
    id: stageStepId(1), chapter, title: 'Stage 1: conv1, BatchNorm, ReLU, max pool',
    body: `${STEM_CHANNELS} filters of 7×7 with stride 2 pick out simple patterns such as edges and patches of colour while halving the size (→ ${shape(t.conv1, STEM_CHANNELS)}); BatchNorm and ReLU follow. A 3×3 max pool with stride 2 then keeps only the strongest value in each window, which shrinks the map to ${shape(t.pool1, STEM_CHANNELS)}.`,
    layers: ['conv1', 'bn_conv1', 'conv1_relu', ...(poolPad ? ['pool1_pad'] : []), 'pool1'],
  } satisfies WalkthroughStep;
  if (!poolPad) return [padding, stem];
  const note = `Not in the text: pool1_pad. This ImageNet model adds a ${config.poolPadding}-pixel border of zeros around conv1's ${t.conv1}×${t.conv1} map before the max pool (→ ${t.poolInput}×${t.poolInput}), so the pool gives ${t.pool1}×${t.pool1} instead of ${t.pool1Unpadded}×${t.pool1Unpadded}: the size stage 2 had when the published Keras weights were trained. It has no weights, and after a ReLU nothing is below zero, so the added zeros never change a maximum.`;
  return [padding, { ...stem, note }];
}

function stageStep(config: ResNetConfig, t: SizeTrace, spec: StageSpec, inChannels: number): WalkthroughStep {
  const blocks = stageBlocks(spec).map((b) => blockName(b.stage, b.block));
  const [first, ...rest] = blocks;
  const size = t.stages[spec.stage];
  const inSize = spec.stage === 2 ? t.pool1 : t.stages[(spec.stage - 1) as 2 | 3 | 4];
  const f3 = spec.filters[2];
  const change = spec.stride === 1
    ? `keeps the ${size}×${size} size and widens the channels from ${inChannels} to ${f3}`
    : `shrinks the map from ${inSize}×${inSize} to ${size}×${size} and takes the channels from ${inChannels} to ${f3}`;
  const sameFilters = filterList(spec.identityFilters) === filterList(spec.filters);
  const identity = `${rest.length} identity block${rest.length === 1 ? '' : 's'} (${joinNames(rest)})`;
  const step = {
    id: stageStepId(spec.stage), chapter,
    title: `Stage ${spec.stage}: ${spec.blocks} blocks, ${filterList(spec.filters)}`,
    body: `${first} is a convolutional block with filters ${filterList(spec.filters)}, f = ${spec.kernel} and stride s = ${spec.stride}, which ${change}. Then ${identity} ${sameFilters ? 'with the same filters' : `with filters ${filterList(spec.identityFilters)}`} refine the result without changing its shape, ${shape(size, f3)}.`,
    layers: [stageGroupName(spec.stage), ...blocks],
  } satisfies WalkthroughStep;
  return spec.stage === 5 ? { ...step, note: stage5Note(config) } : step;
}

function stage5Note(config: ResNetConfig): string {
  const text = 'The assignment text gives the stage-5 identity blocks filters [256, 256, 2048]. The reference implementation and every published ResNet50 use [512, 512, 2048]';
  return config.seedLiteral
    ? `${text}; this build follows the text literally, which gives the SIGNS model ${SIGNS_PARAMS.literal} parameters instead of the published ${SIGNS_PARAMS.published}. Untick the stage-5 option to compare.`
    : `${text}, and so does this model: that is what gives the SIGNS model its ${SIGNS_PARAMS.published} parameters. Read literally, the text would give ${SIGNS_PARAMS.literal}.`;
}

function headSteps(config: ResNetConfig, t: SizeTrace, channels: number): WalkthroughStep[] {
  const final = t.stages[5];
  const k = config.avgPoolSize;
  const whole = k === final;
  const avgPool: WalkthroughStep = {
    id: HEAD_STEP_IDS.avgPool, chapter, title: `Average pooling (${k}×${k}): avg_pool`,
    body: `Each of the ${channels} channels of the final ${final}×${final} map is averaged over a ${k}×${k} window${whole ? ', which here is the whole map, so every channel becomes a single number' : ''} (→ ${shape(t.avgPool, channels)}). That number says how strongly the feature the channel has learned shows up anywhere in the image.`,
    layers: ['avg_pool'],
    ...(config.preset === 'imagenet' ? { note: avgPoolNote(config, t, channels) } : {}),
  };
  const flatten: WalkthroughStep = {
    id: HEAD_STEP_IDS.flatten, chapter, title: 'Flatten',
    body: `Unrolls the ${shape(t.avgPool, channels)} result into a plain list of ${t.avgPool * t.avgPool * channels} numbers, the form a fully connected layer takes. Nothing is learned here.`,
    layers: ['flatten'],
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
function avgPoolNote(config: ResNetConfig, t: SizeTrace, channels: number): string {
  const signs = traceSizes(presetConfig('signs'));
  const final = t.stages[5];
  const literal = Math.floor((final - TEXT_AVG_POOL) / TEXT_AVG_POOL) + 1;
  const count = (n: number) => n.toLocaleString('en-US');
  const w = `${TEXT_AVG_POOL}×${TEXT_AVG_POOL}`;
  return `Not as in the text: its ${w} window fits the ${signs.input}×${signs.input} SIGNS images, whose final map is ${signs.stages[5]}×${signs.stages[5]}. A ${t.input}×${t.input} ImageNet image leaves a ${final}×${final} map, so this model uses a ${config.avgPoolSize}×${config.avgPoolSize} window, the whole map, as the published ResNet50 does. A ${w} window would leave ${shape(literal, channels)}: ${count(literal * literal * channels)} numbers where the published fully connected layer expects ${count(channels)}.`;
}

function predictionWords(config: ResNetConfig): string {
  if (config.preset === 'signs' && config.classes === 6) return 'which hand sign, 0 to 5, the picture shows';
  if (config.preset === 'imagenet' && config.classes === 1000) return 'one of the 1000 ImageNet categories';
  return `one of the ${config.classes} classes`;
}

export function networkSteps(config: ResNetConfig): WalkthroughStep[] {
  const t = traceSizes(config);
  const specs = stageSpecs(config.seedLiteral);
  const stages = specs.map((spec, i) => stageStep(config, t, spec, i === 0 ? STEM_CHANNELS : specs[i - 1].filters[2]));
  const channels = specs[specs.length - 1].filters[2];
  return [...stemSteps(config, t), ...stages, ...headSteps(config, t, channels)];
}
