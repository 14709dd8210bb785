/**
 * Part of the network as a function of one layer's output: the layers downstream of `from`
 * that `to` depends on, recomputed from a given value of `from`, so tf.grad can
 * differentiate anything after a layer with respect to that layer's output (Grad-CAM at any
 * layer, saliency from the input). Inputs off the path (a shortcut that leaves the block
 * before `from`) are read from the held activations and stay constants.
 */
import * as tf from '@tensorflow/tfjs';
import { planResNet50, type BuiltResNet, type LayerInfo, type PlannedLayer } from '../model';
import { applyLayer } from './layer-ops';

/** Layers strictly after `from` on a path to `to` (inclusive), in build order. */
export function pathBetween<L extends LayerInfo>(layers: readonly L[], from: string, to: string): L[] {
  const downstream = new Set([from]);
  for (const layer of layers) if (layer.inputs.some((name) => downstream.has(name))) downstream.add(layer.name);
  if (!downstream.has(to)) throw new Error(`layer "${to}" does not depend on "${from}"`);
  const upstream = new Set([to]);
  for (const layer of [...layers].reverse()) {
    if (upstream.has(layer.name)) for (const name of layer.inputs) upstream.add(name);
  }
  return layers.filter((l) => l.name !== from && downstream.has(l.name) && upstream.has(l.name));
}

/**
 * The output of `to` when `from` outputs `value`. Layers off the path are read through
 * `held` (the image's activations, batch 1). Call inside tf.tidy or tf.grad: every tensor
 * made here is an intermediate.
 */
export function runBetween(
  built: BuiltResNet,
  from: string,
  value: tf.Tensor,
  to: string,
  held: (name: string) => tf.Tensor,
): tf.Tensor {
  const outputs = new Map<string, tf.Tensor>([[from, value]]);
  const plan: readonly PlannedLayer[] = planResNet50(built.config).layers;
  for (const layer of pathBetween(plan, from, to)) {
    const inputs = layer.inputs.map((name) => outputs.get(name) ?? held(name));
    outputs.set(layer.name, applyLayer(layer, built.model.getLayer(layer.name), inputs));
  }
  const output = outputs.get(to);
  if (!output) throw new Error(`layer "${to}" was not computed`);
  return output;
}
