/**
 * A file with an architecture (.keras, .h5, tfjs): its layers are read into the table's
 * facts, then matched to the plan one by one: the layers with weights by the scheme's names,
 * the others by what they read (the file layer of the right class fed by the layers already
 * matched). What a person sees is the file's names; what does not fit is said plainly.
 */
import type { Filters } from '../architecture';
import { planResNet50, type LayerPlan } from '../plan';
import type { PlannedLayer } from '../layer-info';
import type { StageNumber } from '../vocabulary';
import { ModelFileError } from '../../formats/errors';
import type { KerasLayer } from '../../formats/types';
import { configOf, SCHEME_DEFAULTS, type FileFacts, type StageWidths } from './facts';
import { schemeNames, STEM_CONV, type NamingScheme } from './schemes';

const CLASSES: Record<PlannedLayer['kind'], readonly string[]> = {
  input: ['InputLayer'], 'zero-padding': ['ZeroPadding2D'], conv: ['Conv2D'], 'batch-norm': ['BatchNormalization'],
  relu: ['Activation', 'ReLU'], 'max-pool': ['MaxPooling2D'], add: ['Add'], 'avg-pool': ['AveragePooling2D', 'GlobalAveragePooling2D'],
  flatten: ['Flatten'], dense: ['Dense'],
};

function side(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return side(value[0]);
  return null;
}

function notResNet(file: string, layers: readonly KerasLayer[]): ModelFileError {
  const first = layers.filter((l) => l.className !== 'InputLayer').slice(0, 3).map((l) => l.name).join(', ');
  return new ModelFileError(file,
    `is not a ResNet50: it has no layer conv1 or conv1_conv; found ${layers.length} layers starting with ${first}.`);
}

class FileLayers {
  readonly byName: Map<string, KerasLayer>;
  constructor(readonly file: string, readonly layers: readonly KerasLayer[]) {
    this.byName = new Map(layers.map((l) => [l.name, l]));
  }

  need(name: string, className: string, why: string): KerasLayer {
    const layer = this.byName.get(name);
    if (!layer || layer.className !== className) {
      throw new ModelFileError(this.file, `is not a ResNet50 as expected: it has no ${className} layer ${name} (${why}).`);
    }
    return layer;
  }

  consumers(name: string): KerasLayer[] {
    return this.layers.filter((l) => l.inbound.includes(name));
  }
}

function filtersOf(plan: LayerPlan, names: Map<string, string>, file: FileLayers, stage: StageNumber, block: string): Filters {
  const convs = plan.layers.filter((l) => l.kind === 'conv' && l.stage === stage && l.block === block && l.role === 'main');
  const widths = convs.map((l) => file.need(names.get(l.name) ?? l.name, 'Conv2D', `stage ${stage}, block ${block}`).config.filters);
  if (!widths.every((w): w is number => typeof w === 'number')) throw new ModelFileError(file.file, `has a stage ${stage} conv without a number of filters.`);
  return [widths[0], widths[1], widths[2]];
}

function stageWidths(plan: LayerPlan, names: Map<string, string>, file: FileLayers): StageWidths[] {
  return ([2, 3, 4, 5] as const).map((stage) => {
    const blocks = [...new Set(plan.layers.filter((l) => l.stage === stage && l.block !== null).map((l) => l.block as string))];
    const [first, ...identity] = blocks.map((b) => ({ block: b, filters: filtersOf(plan, names, file, stage, b) }));
    const odd = identity.find((b) => b.filters.join() !== identity[0].filters.join());
    if (odd) {
      throw new ModelFileError(file.file,
        `is not a ResNet50 as the table has it: stage ${stage}'s identity blocks differ in width (${identity[0].block}: [${identity[0].filters.join(', ')}], ${odd.block}: [${odd.filters.join(', ')}]).`);
    }
    return { stage, filters: first.filters, identityFilters: identity[0].filters };
  });
}

/** The facts of a file's layers (its naming scheme decides where to look). */
function factsOf(file: FileLayers, scheme: NamingScheme, names: Map<string, string>, plan: LayerPlan): FileFacts {
  const stemConv = file.need(STEM_CONV[scheme], 'Conv2D', 'the stem');
  const stemBn = file.need(names.get('bn_conv1') ?? '', 'BatchNormalization', 'the stem');
  const input = file.layers.find((l) => l.className === 'InputLayer');
  const shape = (input?.config.batch_shape ?? input?.config.batch_input_shape) as unknown[] | undefined;
  const [h, w, c] = Array.isArray(shape) ? shape.slice(1) : [];
  if (c !== undefined && c !== 3) throw new ModelFileError(file.file, `takes inputs with ${String(c)} channels; a ResNet50 takes 3 (RGB).`);
  if (typeof h === 'number' && h !== w) throw new ModelFileError(file.file, `takes ${h}x${String(w)} inputs; only square inputs are supported.`);
  const relu = file.consumers(stemBn.name)[0];
  const afterRelu = relu ? file.consumers(relu.name)[0] : undefined;
  const poolPad = afterRelu?.className === 'ZeroPadding2D' ? side(afterRelu.config.padding) : 0;
  if (poolPad !== 0 && poolPad !== 1) throw new ModelFileError(file.file, `pads ${String(poolPad)} pixels before the stem's max pool; a ResNet50 pads 0 or 1.`);
  const dense = file.layers.filter((l) => l.className === 'Dense');
  if (dense.length > 1) throw new ModelFileError(file.file, `has ${dense.length} Dense layers (${dense.map((d) => d.name).join(', ')}); a ResNet50 has one head.`);
  const head = dense[0];
  if (head && head.config.activation !== 'softmax') {
    throw new ModelFileError(file.file, `has a head (${head.name}) with the activation ${String(head.config.activation)}; only a softmax head is supported.`);
  }
  const pool = file.layers.find((l) => l.className === 'GlobalAveragePooling2D' || l.className === 'AveragePooling2D');
  const poolSize = side(pool?.config.pool_size);
  const epsilon = stemBn.config.epsilon;
  return {
    scheme,
    inputSize: typeof h === 'number' ? h : null,
    stemFilters: stemConv.config.filters as number,
    stages: stageWidths(plan, names, file),
    poolPadding: poolPad,
    pooling: pool?.className === 'AveragePooling2D' && poolSize !== null ? { global: false, size: poolSize } : { global: true },
    classes: typeof head?.config.units === 'number' ? head.config.units : null,
    bnEpsilon: typeof epsilon === 'number' ? epsilon : SCHEME_DEFAULTS[scheme].bnEpsilon,
  };
}

function sameInputs(layer: KerasLayer, inputs: readonly string[]): boolean {
  return layer.inbound.length === inputs.length && inputs.every((i) => layer.inbound.includes(i));
}

/** The file's name for each planned layer, by the plan's name. */
function matchLayers(file: FileLayers, plan: LayerPlan, names: Map<string, string>): Map<string, string> {
  const matched = new Map<string, string>();
  // What each planned layer's output is in the file (a Flatten the file lacks passes its input on).
  const wired = new Map<string, string>();
  const used = new Set<string>();
  const mapped = (name: string) => wired.get(name) ?? name;
  for (const layer of plan.layers) {
    const inputs = layer.inputs.map(mapped);
    const kinds = CLASSES[layer.kind];
    let found: KerasLayer | undefined;
    if (layer.kind === 'input') found = file.layers.find((l) => l.className === 'InputLayer');
    else if (layer.kind === 'dense') found = file.layers.find((l) => l.className === 'Dense');
    else if (layer.kind === 'conv' || layer.kind === 'batch-norm') found = file.byName.get(names.get(layer.name) ?? layer.name);
    else found = file.layers.find((l) => !used.has(l.name) && kinds.includes(l.className) && sameInputs(l, inputs));
    if (!found && layer.kind === 'flatten') {
      // A global pool needs no Flatten; the plan's stays, under a name the file does not use.
      matched.set(layer.name, file.byName.has(layer.name) ? `${layer.name}_1` : layer.name);
      wired.set(layer.name, inputs[0]);
      continue;
    }
    if (!found || !kinds.includes(found.className)) {
      throw new ModelFileError(file.file,
        `is not a ResNet50 as expected: no ${kinds.join(' or ')} layer reads ${inputs.join(' and ')} where a ResNet50 has ${layer.name}.`);
    }
    if (layer.kind !== 'input' && !sameInputs(found, inputs)) {
      throw new ModelFileError(file.file,
        `is not wired as a ResNet50: ${found.name} reads ${found.inbound.join(' and ') || 'nothing'}, where a ResNet50's ${layer.name} reads ${inputs.join(' and ')}.`);
    }
    matched.set(layer.name, found.name);
    wired.set(layer.name, found.name);
    used.add(found.name);
  }
  return matched;
}

export interface FromConfig {
  readonly facts: FileFacts;
  /** The file's name of each planned layer (at the facts' input size). */
  readonly names: Readonly<Record<string, string>>;
}

/** Reads a file's architecture; throws a ModelFileError saying what was expected and found. */
export function fromConfig(fileName: string, layers: readonly KerasLayer[], inputSize: number | null): FromConfig {
  const file = new FileLayers(fileName, layers);
  const scheme = (['seed', 'applications'] as const).find((s) => file.byName.get(STEM_CONV[s])?.className === 'Conv2D');
  if (!scheme) throw notResNet(fileName, layers);
  const draft = planResNet50({ ...configOf({ ...draftFacts(scheme) }, 224) });
  const names = schemeNames(scheme, draft.layers);
  const facts = factsOf(file, scheme, names, draft);
  const size = inputSize ?? facts.inputSize ?? SCHEME_DEFAULTS[scheme].inputSize;
  const plan = planResNet50(configOf(facts, size));
  const matched = matchLayers(file, plan, names);
  const unused = layers.filter((l) => ![...matched.values()].includes(l.name));
  if (unused.length > 0) {
    throw new ModelFileError(fileName,
      `has ${unused.length} layer(s) a ResNet50 does not: ${unused.slice(0, 4).map((l) => `${l.name} (${l.className})`).join(', ')}.`);
  }
  return { facts, names: Object.fromEntries(matched) };
}

/** Published widths with a head: enough to name every layer before the file's widths are known. */
function draftFacts(scheme: NamingScheme): FileFacts {
  return {
    scheme, inputSize: null, stemFilters: 64, stages: [], poolPadding: 1, pooling: { global: true }, classes: 1000, bnEpsilon: 1e-3,
  };
}
