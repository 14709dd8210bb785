/**
 * A Keras model config (config.json, the legacy `model_config` attribute, tfjs's
 * modelTopology) as a flat list of layers with their inputs. Keras 2 writes a layer's
 * inputs as [[["name", 0, 0, {}], ...]]; Keras 3 as [{args: [keras tensors], kwargs}].
 */
import { ModelFileError } from './errors';
import type { KerasLayer } from './types';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keras 3: every `__keras_tensor__` in the call's args, in order, by its layer's name. */
function kerasTensors(value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) kerasTensors(item, out);
    return;
  }
  if (!isRecord(value)) return;
  const history = isRecord(value.config) ? value.config.keras_history : undefined;
  if (value.class_name === '__keras_tensor__' && Array.isArray(history) && typeof history[0] === 'string') {
    out.push(history[0]);
  }
}

function inboundOf(nodes: unknown): string[] {
  if (!Array.isArray(nodes) || nodes.length === 0) return [];
  const [first] = nodes;
  const names: string[] = [];
  if (isRecord(first)) {
    kerasTensors(first.args, names);
  } else if (Array.isArray(first)) {
    for (const entry of first) if (Array.isArray(entry) && typeof entry[0] === 'string') names.push(entry[0]);
  }
  return names;
}

function layerOf(value: unknown): KerasLayer | null {
  if (!isRecord(value) || typeof value.class_name !== 'string') return null;
  const config = isRecord(value.config) ? value.config : {};
  const name = typeof value.name === 'string' ? value.name : config.name;
  if (typeof name !== 'string') return null;
  return { name, className: value.class_name, config, inbound: inboundOf(value.inbound_nodes) };
}

/** The model config inside whatever wraps it (tfjs's modelTopology wraps it in model_config). */
function modelConfig(json: unknown): Json | null {
  if (!isRecord(json)) return null;
  if (isRecord(json.model_config)) return modelConfig(json.model_config);
  return isRecord(json.config) && Array.isArray(json.config.layers) ? json : null;
}

/** The layers of a functional model config; a nested model is named in the error. */
export function kerasLayers(file: string, json: unknown): KerasLayer[] {
  const config = modelConfig(json);
  if (!config) throw new ModelFileError(file, 'holds no Keras model config (no list of layers).');
  const layers = (config.config as Json).layers as unknown[];
  const parsed = layers.map(layerOf);
  if (parsed.some((l) => l === null)) throw new ModelFileError(file, 'has a model config with a layer lacking a name or class.');
  const out = parsed as KerasLayer[];
  const nested = out.find((l) => ['Functional', 'Model', 'Sequential'].includes(l.className));
  if (nested) {
    throw new ModelFileError(file,
      `holds the model "${nested.name}" nested inside another; save the ResNet50 itself (a model whose layers are the ResNet50's).`);
  }
  return out;
}

/** Parses a JSON text from inside a model file. */
export function parseJson(file: string, what: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ModelFileError(file, `has a ${what} that is not valid JSON.`);
  }
}

/** The Keras 3 path of each layer's weights: snake-case class plus a count per class (conv2d, conv2d_1, ...). */
export function keras3Paths(layers: readonly KerasLayer[]): Map<string, string> {
  const counts = new Map<string, number>();
  const paths = new Map<string, string>();
  for (const layer of layers) {
    const base = snakeCase(layer.className);
    const k = counts.get(base) ?? 0;
    counts.set(base, k + 1);
    paths.set(layer.name, k === 0 ? base : `${base}_${k}`);
  }
  return paths;
}

/** Conv2D -> conv2d, BatchNormalization -> batch_normalization, as Keras names its tracked layers. */
export function snakeCase(className: string): string {
  return className
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** The weight names of a layer class, in Keras' order (what `vars/0`, `vars/1`, ... hold). */
export function weightNames(layer: Pick<KerasLayer, 'className' | 'config'>): string[] {
  const { className, config } = layer;
  if (className === 'Conv2D' || className === 'Dense') return config.use_bias === false ? ['kernel'] : ['kernel', 'bias'];
  if (className === 'BatchNormalization') {
    return [
      ...(config.scale === false ? [] : ['gamma']), ...(config.center === false ? [] : ['beta']), 'moving_mean', 'moving_variance',
    ];
  }
  return [];
}
