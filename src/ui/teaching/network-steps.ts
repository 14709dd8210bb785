/** Chapter 3: the whole ResNet50, from zero-padding to softmax, one step per component. */
import {
  blockName, convName, denseName, HEAD_NAMES, planSummary, presetConfig, stageBlocks, stageId,
  stageLabel, stageSpecs, STEM, STEM_NAMES, INPUT_NAME, type ResNetConfig, type StageSpec,
} from '../../model/pure';
import { filterList, modelShapes, variantShapes, type ModelShapes } from './shapes';
import type { WalkthroughStep } from './walkthrough-types';
import type { Say } from './say';

/** The assignment text's avg_pool window. */
const TEXT_AVG_POOL = 2;
const chapter = 'resnet50';

export const HEAD_STEP_IDS = { avgPool: 'avg-pool', flatten: 'flatten', dense: 'fc' } as const;
const ZERO_PADDING_STEP_ID = 'zero-padding';

/** The SIGNS model's parameter totals, as published and as the text literally reads (23,600,006). */
function signsParams(say: Say): { readonly published: string; readonly literal: string } {
  const total = (seedLiteral: boolean) => say.t.count(planSummary(presetConfig('signs', { seedLiteral })).totalParams);
  return { published: total(false), literal: total(true) };
}

function stemSteps(m: ModelShapes, say: Say): WalkthroughStep[] {
  const { config } = m;
  const poolPad = config.poolPadding > 0;
  const input = m.side(INPUT_NAME);
  const [padded, conv1] = [m.side(STEM_NAMES.pad), m.side(STEM_NAMES.conv)];
  const padding: WalkthroughStep = {
    id: ZERO_PADDING_STEP_ID, chapter, title: say('net.padding.title', { n: STEM.inputPadding }),
    body: say('net.padding', { n: STEM.inputPadding, input, padded }),
    layers: [STEM_NAMES.pad],
  };
  const stem = {
    id: stageId(1), chapter, title: say('net.stem.title'),
    body: say('net.stem', { filters: STEM.conv.filters, conv: m.text(STEM_NAMES.conv), pool: m.text(STEM_NAMES.pool) }),
    layers: [STEM_NAMES.conv, STEM_NAMES.bn, STEM_NAMES.relu, ...(poolPad ? [STEM_NAMES.poolPad] : []), STEM_NAMES.pool],
  } satisfies WalkthroughStep;
  if (!poolPad) return [padding, stem];
  const [poolInput, pool1] = [m.side(STEM_NAMES.poolPad), m.side(STEM_NAMES.pool)];
  const unpadded = variantShapes(m, { poolPadding: 0 }).side(STEM_NAMES.pool);
  const note = say('net.poolPad.note', { pad: config.poolPadding, conv1, poolInput, pool1, unpadded });
  return [padding, { ...stem, note }];
}

function stageStep(m: ModelShapes, spec: StageSpec, say: Say): WalkthroughStep {
  const blocks = stageBlocks(spec).map((b) => blockName(b.stage, b.block));
  const [first, ...rest] = blocks;
  const output = m.stageOutput(spec.stage);
  const input = m.inputOf(convName(spec.stage, 'a', '2a'));
  const [size, inSize, inChannels] = [m.side(output), m.side(input), m.channels(input)];
  const f3 = m.channels(output);
  const change = spec.stride === 1
    ? say('net.stage.keeps', { size, inC: inChannels, f3 })
    : say('net.stage.shrinks', { inSize, size, inC: inChannels, f3 });
  const sameFilters = filterList(spec.identityFilters) === filterList(spec.filters);
  const identity = say('net.stage.identity', { count: rest.length, names: say.t.list(rest) });
  const step = {
    id: stageId(spec.stage), chapter,
    title: say('net.stage.title', { stage: spec.stage, blocks: spec.blocks, filters: filterList(spec.filters) }),
    body: say('net.stage', {
      first, filters: filterList(spec.filters), k: spec.kernel, s: spec.stride, change, identity,
      same: sameFilters, idFilters: filterList(spec.identityFilters), shape: m.text(output),
    }),
    layers: [stageLabel(spec.stage), ...blocks],
  } satisfies WalkthroughStep;
  return spec.stage === 5 ? { ...step, note: stage5Note(m.config.seedLiteral, say) } : step;
}

function stage5Note(seedLiteral: boolean, say: Say): string {
  return say(seedLiteral ? 'net.stage5.literal' : 'net.stage5.published', signsParams(say));
}

function headSteps(m: ModelShapes, say: Say): WalkthroughStep[] {
  const { config } = m;
  const last = m.stageOutput(5);
  const [final, channels] = [m.side(last), m.channels(last)];
  const pooled = m.text(HEAD_NAMES.avgPool);
  const k = config.avgPoolSize;
  const whole = k === final;
  const avgPool: WalkthroughStep = {
    id: HEAD_STEP_IDS.avgPool, chapter, title: say('net.avgPool.title', { k }),
    body: say('net.avgPool', { channels, final, k, whole, pooled }),
    layers: [HEAD_NAMES.avgPool],
    ...(config.preset === 'imagenet' ? { note: avgPoolNote(m, say) } : {}),
  };
  const flatten: WalkthroughStep = {
    id: HEAD_STEP_IDS.flatten, chapter, title: say('net.flatten.title'),
    body: say('net.flatten', { pooled, n: m.channels(HEAD_NAMES.flatten) }),
    layers: [HEAD_NAMES.flatten],
  };
  const fc = denseName(config.classes);
  const dense: WalkthroughStep = {
    id: HEAD_STEP_IDS.dense, chapter, title: say('net.fc.title', { fc }),
    body: say('net.fc', { classes: config.classes, channels, what: predictionWords(config, say) }),
    layers: [fc],
  };
  return [avgPool, flatten, dense];
}

/** Why the ImageNet model's window is not the text's 2x2. */
function avgPoolNote(m: ModelShapes, say: Say): string {
  const signs = modelShapes(planSummary(presetConfig('signs')));
  const [signsSide, signsFinal] = [signs.side(INPUT_NAME), signs.side(signs.stageOutput(5))];
  const [input, final] = [m.side(INPUT_NAME), m.side(m.stageOutput(5))];
  const literal = variantShapes(m, { avgPoolSize: TEXT_AVG_POOL });
  const k = m.config.avgPoolSize;
  const w = `${TEXT_AVG_POOL}×${TEXT_AVG_POOL}`;
  return say('net.avgPool.note', {
    w, signsSide, signsFinal, input, final, k, literalShape: literal.text(HEAD_NAMES.avgPool),
    literalCount: say.t.count(literal.channels(HEAD_NAMES.flatten)), expected: say.t.count(m.channels(HEAD_NAMES.flatten)),
  });
}

function predictionWords(config: ResNetConfig, say: Say): string {
  if (config.preset === 'signs' && config.classes === 6) return say('net.what.signs');
  if (config.preset === 'imagenet' && config.classes === 1000) return say('net.what.imagenet');
  return say('net.what.other', { classes: config.classes });
}

export function networkSteps(m: ModelShapes, say: Say): WalkthroughStep[] {
  const stages = stageSpecs(m.config.seedLiteral).map((spec) => stageStep(m, spec, say));
  return [...stemSteps(m, say), ...stages, ...headSteps(m, say)];
}
