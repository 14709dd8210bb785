/**
 * The layer plan: every layer of a ResNet50 configuration, in build order, with its name,
 * position, inputs and settings, read from the architecture table. Plain data, no tfjs:
 * `buildResNet50` builds exactly this list, and the summary, the graph and the command line
 * read it without building a model or loading weights.
 */
import { CHANNELS_AXIS, HEAD, STEM, stageBlocks, stageSpecs } from './architecture';
import { convolutionalBlock, identityBlock, outputOf } from './blocks';
import { plannedLayer, type PlannedLayer } from './layer-info';
import { denseName, HEAD_NAMES, INPUT_NAME, STEM_NAMES } from './names';
import type { ResNetConfig } from './presets';

export interface LayerPlan {
  readonly config: ResNetConfig;
  /** Every layer in build order; `layers[0]` is the input, the last one the output. */
  readonly layers: readonly PlannedLayer[];
}

const INPUT_AT = { stage: null, block: null, branch: null, role: 'input' } as const;
const STEM_AT = { stage: 1, block: null, branch: null, role: 'stem' } as const;
const HEAD_AT = { stage: null, block: null, branch: null, role: 'head' } as const;

/** Zero-pad 3, conv1 64 7x7/2, bn_conv1, ReLU, (pool1_pad,) max pool 3x3/2. */
function stemPlan(input: string, config: ResNetConfig): PlannedLayer[] {
  const { conv, pool } = STEM;
  const layers = [
    plannedLayer(STEM_NAMES.pad, { kind: 'zero-padding', padding: STEM.inputPadding }, STEM_AT, [input]),
    plannedLayer(STEM_NAMES.conv, { kind: 'conv', ...conv, filters: config.stemFilters ?? conv.filters, padding: 'valid' }, STEM_AT, [STEM_NAMES.pad]),
    plannedLayer(STEM_NAMES.bn, { kind: 'batch-norm', axis: CHANNELS_AXIS }, STEM_AT, [STEM_NAMES.conv]),
    plannedLayer(STEM_NAMES.relu, { kind: 'relu' }, STEM_AT, [STEM_NAMES.bn]),
  ];
  if (config.poolPadding > 0) {
    layers.push(plannedLayer(STEM_NAMES.poolPad, { kind: 'zero-padding', padding: config.poolPadding }, STEM_AT, [outputOf(layers)]));
  }
  const maxPool = { kind: 'max-pool', poolSize: pool.size, stride: pool.stride } as const;
  return [...layers, plannedLayer(STEM_NAMES.pool, maxPool, STEM_AT, [outputOf(layers)])];
}

/** avg_pool, flatten, fc{classes} with softmax. */
function headPlan(input: string, config: ResNetConfig): PlannedLayer[] {
  const k = config.avgPoolSize;
  const dense = { kind: 'dense', units: config.classes, activation: HEAD.activation } as const;
  return [
    plannedLayer(HEAD_NAMES.avgPool, { kind: 'avg-pool', poolSize: k, stride: k }, HEAD_AT, [input]),
    plannedLayer(HEAD_NAMES.flatten, { kind: 'flatten' }, HEAD_AT, [HEAD_NAMES.avgPool]),
    plannedLayer(denseName(config.classes), dense, HEAD_AT, [HEAD_NAMES.flatten]),
  ];
}

function checkUnique(layers: readonly PlannedLayer[]): void {
  const seen = new Set<string>();
  for (const { name } of layers) {
    if (seen.has(name)) throw new Error(`duplicate layer name "${name}"`);
    seen.add(name);
  }
}

/**
 * What a file's config changes after planning: BatchNorm's epsilon, and every name (a layer's
 * and those of its inputs) to the file's own.
 */
function asInFile(layers: readonly PlannedLayer[], config: ResNetConfig): PlannedLayer[] {
  const { names, bnEpsilon } = config;
  if (!names && bnEpsilon === undefined) return [...layers];
  const rename = (name: string) => names?.[name] ?? name;
  return layers.map((layer) => {
    const settings = layer.settings.kind === 'batch-norm' && bnEpsilon !== undefined ? { ...layer.settings, epsilon: bnEpsilon } : layer.settings;
    return { ...layer, name: rename(layer.name), inputs: layer.inputs.map(rename), settings };
  });
}

/** Input, stem, the blocks of stages 2-5 from the table (or the file's widths), head. */
export function planResNet50(config: ResNetConfig): LayerPlan {
  const layers: PlannedLayer[] = [plannedLayer(INPUT_NAME, { kind: 'input', shape: config.inputShape }, INPUT_AT, [])];
  layers.push(...stemPlan(INPUT_NAME, config));
  for (const stage of config.stages ?? stageSpecs(config.seedLiteral)) {
    for (const spec of stageBlocks(stage)) {
      const x = outputOf(layers);
      layers.push(...(spec.type === 'convolutional' ? convolutionalBlock(x, spec) : identityBlock(x, spec)));
    }
  }
  if (config.head !== 'none') layers.push(...headPlan(outputOf(layers), config));
  const named = asInFile(layers, config);
  checkUnique(named);
  return { config, layers: named };
}

/** Every layer name in build order, the input's first (it holds the preprocessed image): what `inspect --layer` accepts. */
export function inspectableLayerNames(config: ResNetConfig): string[] {
  return planResNet50(config).layers.map((l) => l.name);
}
