/** A Keras-style summary of a built model, as plain data (no tensors leave this file). */
import type * as tf from '@tensorflow/tfjs';
import type { LayerInfo, LayerKind } from './layer-info';
import type { PresetName } from './presets';
import type { BuiltResNet } from './resnet50';

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

function countWeights(weights: readonly tf.LayerVariable[]): number {
  return weights.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
}

function outputShapeOf(layer: tf.layers.Layer): number[] {
  const shape = layer.outputShape;
  const single = Array.isArray(shape[0]) ? (shape[0] as (number | null)[]) : (shape as (number | null)[]);
  return single.slice(1).map((d) => d ?? -1);
}

export function summarize(built: BuiltResNet): ModelSummary {
  const { model, config } = built;
  const layers = built.layers.map((info): LayerSummary => {
    const layer = model.getLayer(info.name);
    return {
      name: info.name,
      type: KERAS_TYPES[info.kind],
      outputShape: outputShapeOf(layer),
      params: layer.countParams(),
      inputs: info.inputs,
      info,
    };
  });
  const trainableParams = countWeights(model.trainableWeights);
  const nonTrainableParams = countWeights(model.nonTrainableWeights);
  return {
    preset: config.preset,
    seedLiteral: config.seedLiteral,
    inputShape: [...config.inputShape],
    classes: config.classes,
    totalParams: trainableParams + nonTrainableParams,
    trainableParams,
    nonTrainableParams,
    layers,
  };
}

export function formatShape(shape: readonly number[]): string {
  return `(${shape.join(', ')})`;
}

/** Thousands separators as Keras prints them: 23,600,006. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
