/**
 * A Keras-style summary as plain data, worked out from the layer plan: no tfjs and no
 * weights, so the page can show the graph and the table before (or without) a model.
 * `summarize` (summarize.ts) reads the same summary off a built tfjs model; the tests
 * check that the two agree layer by layer.
 */
import { layerInfoOf, type LayerInfo, type LayerKind, type PlannedLayer } from './layer-info';
import { outputShape, paramCount, type Shape } from './layer-shapes';
import { planResNet50 } from './plan';
import { presetConfig, type PresetName, type ResNetConfig } from './presets';

export { formatCount, formatShape, kerasShape } from './vocabulary';

export interface LayerSummary {
  readonly name: string;
  /** Keras class name: Conv2D, BatchNormalization, ... */
  readonly type: string;
  /** Output shape without the batch dimension. */
  readonly outputShape: readonly number[];
  readonly params: number;
  readonly inputs: readonly string[];
  readonly info: LayerInfo;
}

export interface ModelSummary {
  readonly preset: PresetName;
  readonly seedLiteral: boolean;
  readonly inputShape: readonly number[];
  readonly classes: number;
  readonly totalParams: number;
  readonly trainableParams: number;
  readonly nonTrainableParams: number;
  readonly layers: readonly LayerSummary[];
  /**
   * The configuration summarized: for a person's model file, the one place its widths, sizes
   * and layer names are (`preset` is then only the nearest preset). Set by `summaryOf`.
   */
  readonly config?: ResNetConfig;
  /** A person's model file: its own name (the main file's, without extension). Absent for a preset. */
  readonly name?: string;
}

/** The configuration a summary describes: a model file's own (widths, sizes, names), else its preset's. */
export function summaryConfig(summary: ModelSummary): ResNetConfig {
  return summary.config ?? { ...presetConfig(summary.preset, { seedLiteral: summary.seedLiteral }), classes: summary.classes };
}

/** What captions and titles call the model: a file's own name, else the preset's. */
export function summaryName(summary: ModelSummary): string {
  return summary.name ?? summary.preset;
}

/** The stem of the files saved from its views: `resnet50-imagenet`, `resnet50-signs-literal`, or a file's own name. */
export function fileStem(summary: ModelSummary): string {
  if (summary.name) return summary.name.replace(/[^\w.-]+/g, '_') || 'model';
  return `resnet50-${summary.preset}${summary.seedLiteral ? '-literal' : ''}`;
}

const KERAS_TYPES: Record<LayerKind, string> = {
  input: 'InputLayer',
  'zero-padding': 'ZeroPadding2D',
  conv: 'Conv2D',
  'batch-norm': 'BatchNormalization',
  relu: 'Activation',
  'max-pool': 'MaxPooling2D',
  add: 'Add',
  'avg-pool': 'AveragePooling2D',
  flatten: 'Flatten',
  dense: 'Dense',
};

/** The Keras class name of a layer kind, as `model.summary()` prints it. */
export function kerasType(kind: LayerKind): string {
  return KERAS_TYPES[kind];
}

/** The summary's header fields, shared by both ways of making one. */
export function summaryOf(
  config: ResNetConfig,
  layers: readonly LayerSummary[],
  trainableParams: number,
  nonTrainableParams: number,
): ModelSummary {
  return {
    preset: config.preset,
    seedLiteral: config.seedLiteral,
    inputShape: [...config.inputShape],
    classes: config.classes,
    totalParams: trainableParams + nonTrainableParams,
    trainableParams,
    nonTrainableParams,
    layers,
    config,
  };
}

/** A planned layer with the shapes that flow into and out of it. */
export interface ShapedLayer {
  readonly layer: PlannedLayer;
  readonly inputs: readonly Shape[];
  readonly output: Shape;
}

/** The plan of a configuration, each layer with its input and output shapes. */
export function shapedPlan(config: ResNetConfig): ShapedLayer[] {
  const shapes = new Map<string, Shape>();
  return planResNet50(config).layers.map((layer) => {
    const inputs = layer.inputs.map((name) => {
      const shape = shapes.get(name);
      if (!shape) throw new Error(`layer "${layer.name}" reads "${name}" before it is planned`);
      return shape;
    });
    const output = outputShape(layer.settings, inputs);
    shapes.set(layer.name, output);
    return { layer, inputs, output };
  });
}

/** The summary of a configuration, from its plan alone. */
export function planSummary(config: ResNetConfig): ModelSummary {
  let trainable = 0;
  let nonTrainable = 0;
  const layers = shapedPlan(config).map(({ layer, inputs, output }): LayerSummary => {
    const params = paramCount(layer.settings, inputs[0]);
    trainable += params.trainable;
    nonTrainable += params.nonTrainable;
    const info = layerInfoOf(layer);
    return { name: layer.name, type: kerasType(layer.kind), outputShape: output, params: params.trainable + params.nonTrainable, inputs: info.inputs, info };
  });
  return summaryOf(config, layers, trainable, nonTrainable);
}
