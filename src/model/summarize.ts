/**
 * The summary read off a built tfjs model (shapes and counts as tfjs reports them). The app
 * uses `planSummary`, which needs no model; this one is the independent check in the tests.
 */
import type * as tf from '@tensorflow/tfjs';
import type { BuiltResNet } from './resnet50';
import { kerasType, summaryOf, type LayerSummary, type ModelSummary } from './summary';

function countWeights(weights: readonly tf.LayerVariable[]): number {
  return weights.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
}

function outputShapeOf(layer: tf.layers.Layer): number[] {
  const shape = layer.outputShape;
  const single = Array.isArray(shape[0]) ? (shape[0] as (number | null)[]) : (shape as (number | null)[]);
  return single.slice(1).map((d) => d ?? -1);
}

/** The layers a tfjs layer was actually connected to (its one call in this model). */
function wiredInputs(layer: tf.layers.Layer): string[] {
  return layer.inboundNodes[0]?.inboundLayers.map((l) => l.name) ?? [];
}

export function summarize(built: BuiltResNet): ModelSummary {
  const { model, config } = built;
  const layers = built.layers.map((info): LayerSummary => {
    const layer = model.getLayer(info.name);
    return {
      name: info.name,
      type: kerasType(info.kind),
      outputShape: outputShapeOf(layer),
      params: layer.countParams(),
      inputs: wiredInputs(layer),
      info,
    };
  });
  return summaryOf(config, layers, countWeights(model.trainableWeights), countWeights(model.nonTrainableWeights));
}
