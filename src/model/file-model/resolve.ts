/**
 * A model file's archive, resolved onto the architecture table: the ResNetConfig to build
 * (the file's widths, sizes and names) and, for each weight of the built model by
 * `layer/weight`, the stored weight that fills it. Plain data; nothing is read yet.
 */
import { BLOCK_LETTERS } from '../architecture';
import type { PlannedLayer } from '../layer-info';
import { planResNet50 } from '../plan';
import type { ResNetConfig } from '../presets';
import { ModelFileError } from '../../formats/errors';
import type { ModelArchive, StoredWeight } from '../../formats/types';
import { configOf, SCHEME_DEFAULTS, type FileFacts } from './facts';
import { fromConfig } from './from-config';
import { fromWeights, type InferredConv } from './from-weights';
import { schemeNames, type NamingScheme } from './schemes';

export interface ResolvedFile {
  readonly config: ResNetConfig;
  readonly facts: FileFacts;
  readonly scheme: NamingScheme;
  /** True when the input size comes from the file; false when it is the scheme's default or the caller's. */
  readonly inputSizeFromFile: boolean;
  /** Every stored weight by `layer/weight`, as the built model's layers are named. */
  readonly weights: ReadonlyMap<string, StoredWeight>;
}

export interface ResolveOptions {
  /** The side of the input; for files that fix it, a different one is refused. */
  readonly inputSize?: number;
}

function checkInputSize(file: string, size: number): number {
  if (!Number.isInteger(size) || size < 32 || size > 1024) {
    throw new ModelFileError(file, `cannot run at an input of ${size} pixels: use a whole number from 32 to 1024.`);
  }
  return size;
}

function byKey(entries: Iterable<[string | null, readonly StoredWeight[]]>): Map<string, StoredWeight> {
  const out = new Map<string, StoredWeight>();
  for (const [layer, weights] of entries) for (const w of weights) out.set(`${layer}/${w.name}`, w);
  return out;
}

function plannedConv(plan: readonly PlannedLayer[], conv: InferredConv, kind: 'conv' | 'batch-norm'): PlannedLayer {
  const found = plan.find((l) => l.kind === kind && (conv.stage === 1
    ? l.role === 'stem'
    : l.stage === conv.stage && l.block === BLOCK_LETTERS[conv.block] && l.branch === conv.branch));
  if (!found) throw new Error(`no planned ${kind} at stage ${conv.stage} block ${conv.block} branch ${String(conv.branch)}`);
  return found;
}

function resolveWeightsOnly(archive: ModelArchive, options: ResolveOptions): ResolvedFile {
  const inferred = fromWeights(archive.file, archive.stored);
  const { facts } = inferred;
  const size = checkInputSize(archive.file, options.inputSize ?? SCHEME_DEFAULTS[facts.scheme].inputSize);
  const plain = planResNet50(configOf(facts, size)).layers;
  const names = schemeNames(facts.scheme, plain);
  const pairs: [PlannedLayer, { name: string | null; weights: readonly StoredWeight[] }][] = inferred.convs.flatMap((c) => [
    [plannedConv(plain, c, 'conv'), c.conv], [plannedConv(plain, c, 'batch-norm'), c.bn],
  ] as [PlannedLayer, typeof c.conv][]);
  const dense = plain.find((l) => l.kind === 'dense');
  if (dense && inferred.dense) pairs.push([dense, inferred.dense]);
  // A legacy save_weights file names its layers: show those; else the scheme's names.
  for (const [layer, stored] of pairs) if (stored.name) names.set(layer.name, stored.name);
  const config = { ...configOf(facts, size), names: Object.fromEntries(names) };
  const weights = byKey(pairs.map(([layer, stored]) => [names.get(layer.name) ?? layer.name, stored.weights]));
  return { config, facts, scheme: facts.scheme, inputSizeFromFile: false, weights };
}

function resolveWithConfig(archive: ModelArchive, options: ResolveOptions): ResolvedFile {
  const layers = archive.layers ?? [];
  const first = fromConfig(archive.file, layers, null);
  const fixed = first.facts.inputSize;
  if (fixed !== null && options.inputSize !== undefined && options.inputSize !== fixed) {
    throw new ModelFileError(archive.file, `was saved for ${fixed}x${fixed} inputs; it cannot run at ${options.inputSize}.`);
  }
  const size = checkInputSize(archive.file, fixed ?? options.inputSize ?? SCHEME_DEFAULTS[first.facts.scheme].inputSize);
  const { facts, names } = fixed === size ? first : fromConfig(archive.file, layers, size);
  const config = { ...configOf(facts, size), names };
  const weights = byKey(archive.stored.map((l) => [l.name, l.weights]));
  return { config, facts, scheme: facts.scheme, inputSizeFromFile: fixed !== null, weights };
}

export function resolveArchive(archive: ModelArchive, options: ResolveOptions = {}): ResolvedFile {
  return archive.layers ? resolveWithConfig(archive, options) : resolveWeightsOnly(archive, options);
}
