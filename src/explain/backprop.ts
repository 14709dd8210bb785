/**
 * A backward pass written for this architecture, from the layer plan: the gradient of
 * anything at one layer with respect to the network's input, from the forward pass's
 * recorded ReLU and pool outputs. No tf.grad: every step is a few fast forward ops
 * (inference-mode BatchNorm is a per-channel scale, folded into the conv before it; ReLU a
 * mask; add a pass-through; a conv one forward conv2d with a kernel laid out once per
 * model; a pool the equality mask of pool-backward.ts), and each gradient map is freed as
 * soon as the layers before it have theirs, so a batch holds the forward pass's ReLU
 * outputs and a few maps, not every intermediate of tf.grad's tape.
 */
import * as tf from '@tensorflow/tfjs';
import { planResNet50, planSummary, type BuiltResNet, type PlannedLayer } from '../model';
import { backwardKernel, backwardKernels, foldedBatchNorms } from './backward-kernels';
import { convBackward } from './conv-backward';
import { avgPoolBackward, maxPoolBackward } from './pool-backward';
import { pathBetween } from './subgraph';

/** A layer's output in the forward pass being differentiated, by name; still the caller's. */
export type Recorded = (name: string) => tf.Tensor;

function inputLayer(layers: readonly PlannedLayer[]): PlannedLayer {
  const input = layers.find((l) => l.settings.kind === 'input');
  if (!input) throw new Error('This model has no input layer');
  return input;
}

/** The layers a backward pass from `target` to the input reads from the forward pass: ReLU and pool outputs, and each max pool's input. */
export function recordedNames(built: BuiltResNet, target: string): string[] {
  const layers = planResNet50(built.config).layers;
  const names = new Set<string>();
  for (const layer of pathBetween(layers, inputLayer(layers).name, target)) {
    if (layer.settings.kind === 'relu') names.add(layer.name);
    if (layer.settings.kind === 'max-pool') [layer.name, ...layer.inputs].forEach((n) => names.add(n));
  }
  return [...names];
}

/**
 * The forward pass of a batch of inputs, through the built model's own layers (the same
 * values the inspector holds), keeping what the backward pass from `target` reads. The
 * caller disposes the tensors.
 */
export function recordForward(built: BuiltResNet, inputs: tf.Tensor4D, target: string): Map<string, tf.Tensor> {
  const names = recordedNames(built, target);
  const symbolic = names.map((name) => (built.model.getLayer(name).output as tf.SymbolicTensor).name);
  const outputs = built.model.execute(inputs, symbolic);
  const list = Array.isArray(outputs) ? outputs : [outputs];
  return new Map(names.map((name, i) => [name, list[i]]));
}

interface Walk {
  readonly kernels: ReadonlyMap<string, tf.Tensor>;
  readonly folded: ReadonlySet<string>;
  /** Each layer's output shape, batch first (batch 1: only the spatial sizes are read). */
  readonly shapes: ReadonlyMap<string, readonly number[]>;
  readonly recorded: Recorded;
  /** The layer the gradient starts at: a conv there has no BatchNorm after it on the path, so its kernel is not scaled. */
  readonly target: string;
  readonly model: tf.LayersModel;
}

/** d/d(each input) of `layer` from d/d(its output) `g`. Call inside tf.tidy. */
function layerBackward(layer: PlannedLayer, g: tf.Tensor, walk: Walk): tf.Tensor[] {
  const s = layer.settings;
  const inputShape = (i = 0) => walk.shapes.get(layer.inputs[i]) ?? [];
  const batch = g.shape[0];
  switch (s.kind) {
    case 'relu':
      return [g.mul(walk.recorded(layer.name).step())];
    case 'batch-norm':
      return [walk.folded.has(layer.name) ? g : g.mul(kernelOf(walk, layer.name))];
    case 'conv': {
      const [, height, width] = inputShape();
      const kernel = layer.name === walk.target
        ? backwardKernel(walk.model.getLayer(layer.name).getWeights()[0] as tf.Tensor4D, s.stride, null)
        : kernelOf(walk, layer.name) as tf.Tensor4D;
      return [convBackward(g as tf.Tensor4D, kernel, { ...s, inputSize: [height, width] })];
    }
    case 'add':
      return layer.inputs.map(() => g);
    case 'zero-padding': {
      const [, height, width] = inputShape();
      return [g.slice([0, s.padding, s.padding, 0], [-1, height, width, -1])];
    }
    case 'max-pool':
      return [maxPoolBackward(g as tf.Tensor4D, walk.recorded(layer.inputs[0]) as tf.Tensor4D, walk.recorded(layer.name) as tf.Tensor4D, s.poolSize, s.stride)];
    case 'avg-pool': {
      const [, height, width, channels] = inputShape();
      return [avgPoolBackward(g as tf.Tensor4D, [batch, height, width, channels], s.poolSize, s.stride)];
    }
    case 'flatten':
      return [g.reshape([batch, ...inputShape().slice(1)])];
    case 'input':
    case 'dense':
      throw new Error(`"${layer.name}" has no backward step here`);
  }
}

function kernelOf(walk: Walk, name: string): tf.Tensor {
  const kernel = walk.kernels.get(name);
  if (!kernel) throw new Error(`no backward kernel for "${name}"`);
  return kernel;
}

/**
 * d/d(input) given d/d(`target`'s output) = `seed` (batch first; not disposed), for the
 * forward pass `recorded` (recordForward, or a held image's activations at batch 1). The
 * caller disposes the result.
 */
export function backpropToInput(built: BuiltResNet, target: string, seed: tf.Tensor, recorded: Recorded): tf.Tensor4D {
  const layers = planResNet50(built.config).layers;
  const input = inputLayer(layers).name;
  const shapes = new Map(planSummary(built.config).layers.map((l) => [l.name, [1, ...l.outputShape]]));
  const walk: Walk = { kernels: backwardKernels(built), folded: foldedBatchNorms(layers), shapes, recorded, target, model: built.model };
  const grads = new Map<string, tf.Tensor>([[target, seed.clone()]]);
  try {
    for (const layer of pathBetween(layers, input, target).reverse()) {
      const g = grads.get(layer.name);
      if (!g) continue;
      grads.delete(layer.name);
      const parts = tf.tidy(() => layerBackward(layer, g, walk).map((part) => (part === g ? g.clone() : part)));
      g.dispose();
      layer.inputs.forEach((name, i) => accumulate(grads, name, parts[i]));
    }
    const result = grads.get(input);
    if (!result) throw new Error(`"${target}" does not depend on the input`);
    grads.delete(input);
    return result as tf.Tensor4D;
  } finally {
    tf.dispose([...grads.values()]);
  }
}

function accumulate(grads: Map<string, tf.Tensor>, name: string, part: tf.Tensor): void {
  const sum = grads.get(name);
  if (!sum) {
    grads.set(name, part);
    return;
  }
  grads.set(name, sum.add(part));
  tf.dispose([sum, part]);
}
