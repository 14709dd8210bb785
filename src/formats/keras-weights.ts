/**
 * The two ways Keras lays weights out in HDF5. Keras 3 (`model.weights.h5` inside a .keras,
 * and `.weights.h5`) stores `layers/<class>[_k]/vars/<i>`: no layer names, so the names
 * come from the config's layer order, or (weights-only) not at all. The legacy layout
 * (`.h5`, Keras 2 and Keras 3's legacy writer) stores `model_weights/<layer>/<weight>` with
 * `layer_names` and `weight_names` attributes, weight names with or without `:0`.
 */
import { ModelFileError } from './errors';
import type { Hdf5Reader } from './hdf5';
import { keras3Paths, weightNames } from './keras-config';
import type { KerasLayer, StoredLayer } from './types';

const WEIGHTED = new Set(['Conv2D', 'BatchNormalization', 'Dense']);

function varsOf(reader: Hdf5Reader, group: string): string[] {
  return reader.keys(`${group}/vars`).filter((k) => /^\d+$/.test(k)).sort((a, b) => Number(a) - Number(b));
}

/** Keras 3 weights of the config's layers, each addressed by class and position. */
export function keras3Weights(reader: Hdf5Reader, layers: readonly KerasLayer[]): StoredLayer[] {
  const paths = keras3Paths(layers);
  const out: StoredLayer[] = [];
  for (const layer of layers) {
    const group = `layers/${paths.get(layer.name)}`;
    const vars = varsOf(reader, group);
    const names = weightNames(layer);
    if (names.length === 0 && vars.length === 0) continue;
    if (vars.length !== names.length) {
      throw new ModelFileError(reader.file,
        `stores ${vars.length} weight(s) for layer ${layer.name} (${layer.className}) at ${group}, which needs ${names.length} (${names.join(', ')}).`);
    }
    out.push({ name: layer.name, className: layer.className, weights: names.map((n, i) => reader.weight(`${group}/vars/${vars[i]}`, n)) });
  }
  return out;
}

const CLASS_OF_PREFIX: Record<string, string> = { conv2d: 'Conv2D', batch_normalization: 'BatchNormalization', dense: 'Dense' };

/** Position of a Keras 3 layer path within its class: conv2d -> 0, conv2d_12 -> 12. */
function positionOf(path: string): { className: string; k: number } | null {
  const match = /^(conv2d|batch_normalization|dense)(?:_(\d+))?$/.exec(path);
  return match ? { className: CLASS_OF_PREFIX[match[1]], k: match[2] ? Number(match[2]) : 0 } : null;
}

/**
 * Keras 3 weights without a config: every layer with weights, by class, in the order Keras
 * numbered them (the model's layer order). Names are unknown (null).
 */
export function keras3WeightsOnly(reader: Hdf5Reader): StoredLayer[] {
  const found = reader.keys('layers').map((path) => ({ path, at: positionOf(path) }));
  const unknown = found.filter((f) => f.at === null && varsOf(reader, `layers/${f.path}`).length > 0);
  if (unknown.length > 0) {
    throw new ModelFileError(reader.file, `holds weights of layers a ResNet50 does not have: ${unknown.slice(0, 3).map((f) => f.path).join(', ')}.`);
  }
  const layers = found.flatMap((f) => (f.at ? [{ path: f.path, ...f.at }] : []));
  layers.sort((a, b) => a.className.localeCompare(b.className) || a.k - b.k);
  return layers.map(({ path, className }) => {
    const group = `layers/${path}`;
    const vars = varsOf(reader, group);
    const names = weightNames({ className, config: vars.length === 1 ? { use_bias: false } : {} });
    if (className === 'BatchNormalization' && vars.length !== 4) {
      throw new ModelFileError(reader.file, `stores ${vars.length} weight(s) for the BatchNormalization at ${group}; one needs 4.`);
    }
    return { name: null, className, weights: vars.map((v, i) => reader.weight(`${group}/vars/${v}`, names[i] ?? `var${i}`)) };
  });
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A weight's short name: `res2a_branch2a/kernel:0` -> kernel. */
export function shortWeightName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1).replace(/:\d+$/, '');
}

/** The class of a legacy layer without a config, from what its weights are called and shaped. */
function guessClass(names: readonly string[], rank: number): string {
  if (names.includes('gamma') || names.includes('moving_mean')) return 'BatchNormalization';
  return rank === 4 ? 'Conv2D' : rank === 2 ? 'Dense' : 'Unknown';
}

/** The legacy layout under `root` (model_weights, or the file's root for save_weights files). */
export function legacyWeights(reader: Hdf5Reader, root: string, layers: readonly KerasLayer[] | null): StoredLayer[] {
  const classes = new Map(layers?.map((l) => [l.name, l.className]) ?? []);
  const out: StoredLayer[] = [];
  for (const layer of stringList(reader.attr(root, 'layer_names'))) {
    const group = root === '/' ? layer : `${root}/${layer}`;
    const names = stringList(reader.attr(group, 'weight_names'));
    if (names.length === 0) continue;
    const weights = names.map((n) => reader.weight(`${group}/${n}`, shortWeightName(n)));
    const className = classes.get(layer) ?? guessClass(weights.map((w) => w.name), weights[0].shape.length);
    if (!WEIGHTED.has(className)) {
      throw new ModelFileError(reader.file, `has weights for layer ${layer} (${className}), a kind of layer a ResNet50 does not have.`);
    }
    out.push({ name: layer, className, weights });
  }
  return out;
}
