/**
 * ResNet50 in tfjs, built from the layer plan: each planned layer becomes one tfjs layer
 * with the plan's name and settings, applied to the layers the plan names as its inputs.
 * The plan (plan.ts) says what the network is; this file only says how tfjs makes it.
 */
import * as tf from '@tensorflow/tfjs';
import { layerInfoOf, type LayerInfo, type PlannedLayer } from './layer-info';
import { modelName } from './names';
import { planResNet50 } from './plan';
import type { ResNetConfig } from './presets';

export interface BuiltResNet {
  /** Owned by the caller: call `model.dispose()` to free its weights. */
  readonly model: tf.LayersModel;
  /** Every layer in build order, with its kind, position and inputs. */
  readonly layers: readonly LayerInfo[];
  readonly config: ResNetConfig;
}

export interface BuildOptions {
  /**
   * `seeded` (default): Glorot-uniform with the config's seed, as the assignment asks.
   * `zeros`: for a model whose weights are about to be loaded, which skips generating
   * 25 million random numbers only to overwrite them.
   */
  readonly initializer?: 'seeded' | 'zeros';
}

export type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;
/** Makes a fresh kernel initializer for each layer (each layer needs its own instance). */
export type KernelInit = () => Initializer;

/** Glorot-uniform with the seed ("Use 0 as the seed for the random initialization"). */
export function seededGlorot(seed: number): Initializer {
  return tf.initializers.glorotUniform({ seed });
}

/** The tfjs layer for one planned layer (any kind but the input). */
function createLayer(layer: PlannedLayer, init: KernelInit): tf.layers.Layer {
  const { name, settings: s } = layer;
  switch (s.kind) {
    case 'input':
      throw new Error(`"${name}" is an input, made with tf.input`);
    case 'zero-padding':
      return tf.layers.zeroPadding2d({ padding: s.padding, name });
    case 'conv':
      return tf.layers.conv2d({
        filters: s.filters, kernelSize: s.kernel, strides: s.stride, padding: s.padding, name, kernelInitializer: init(),
      });
    case 'batch-norm':
      return tf.layers.batchNormalization({ axis: s.axis, name, ...(s.epsilon === undefined ? {} : { epsilon: s.epsilon }) });
    case 'relu':
      return tf.layers.activation({ activation: 'relu', name });
    case 'max-pool':
      return tf.layers.maxPooling2d({ poolSize: s.poolSize, strides: s.stride, name });
    case 'avg-pool':
      return tf.layers.averagePooling2d({ poolSize: s.poolSize, strides: s.stride, name });
    case 'add':
      return tf.layers.add({ name });
    case 'flatten':
      return tf.layers.flatten({ name });
    case 'dense':
      return tf.layers.dense({ units: s.units, activation: s.activation, name, kernelInitializer: init() });
  }
}

/** Applies the plan in order; each layer reads the outputs of the layers it names. */
function applyPlan(layers: readonly PlannedLayer[], init: KernelInit): { input: tf.SymbolicTensor; output: tf.SymbolicTensor } {
  const outputs = new Map<string, tf.SymbolicTensor>();
  const read = (name: string) => {
    const t = outputs.get(name);
    if (!t) throw new Error(`layer "${name}" is read before it is built`);
    return t;
  };
  let input: tf.SymbolicTensor | null = null;
  let last: tf.SymbolicTensor | null = null;
  for (const layer of layers) {
    if (layer.settings.kind === 'input') {
      input = tf.input({ shape: [...layer.settings.shape], name: layer.name });
      last = input;
    } else {
      const inputs = layer.inputs.map(read);
      last = createLayer(layer, init).apply(inputs.length === 1 ? inputs[0] : inputs) as tf.SymbolicTensor;
    }
    outputs.set(layer.name, last);
  }
  if (!input || !last) throw new Error('the plan has no input layer');
  return { input, output: last };
}

export function buildResNet50(config: ResNetConfig, options: BuildOptions = {}): BuiltResNet {
  const init: KernelInit = options.initializer === 'zeros' ? () => tf.initializers.zeros() : () => seededGlorot(config.seed);
  const plan = planResNet50(config);
  const { input, output } = applyPlan(plan.layers, init);
  const model = tf.model({ inputs: input, outputs: output, name: modelName(config.preset) });
  return { model, layers: plan.layers.map(layerInfoOf), config };
}
