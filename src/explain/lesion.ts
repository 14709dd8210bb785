/**
 * The network with residual blocks switched off, run eagerly through the built model's own
 * layer objects: the same weights (nothing copied, nothing rebuilt) and the same kernels as
 * the intact pass, so every layer upstream of the first switched-off block is exactly the
 * intact network's. Not explain/layer-ops.ts's plain ops: those exist to be differentiated
 * (a fast input gradient, a broadcast BatchNorm) and differ from the model's fused kernels
 * in the last bits; a forward pass needs neither.
 */
import * as tf from '@tensorflow/tfjs';
import { blockName, planResNet50, type BuiltResNet, type PlannedLayer } from '../model';
import { checkLesion } from './lesion-blocks';

/** The block (res2a ...) a layer belongs to, or null for the stem, the head and the input. */
function blockOf(layer: PlannedLayer): string | null {
  if (layer.block === null || layer.stage === null || layer.stage === 1) return null;
  return blockName(layer.stage, layer.block);
}

/**
 * The plan with the residual branch of each block in `off` removed: its main-path layers
 * are gone, and its add keeps only the input that is not one of them (the block's input for
 * an identity block, the projection shortcut's BatchNorm for a convolutional one).
 */
export function lesionedPlan(layers: readonly PlannedLayer[], off: ReadonlySet<string>): PlannedLayer[] {
  const removed = new Set(layers.filter((l) => l.role === 'main' && off.has(blockOf(l) ?? '')).map((l) => l.name));
  return layers
    .filter((l) => !removed.has(l.name))
    .map((l) => (l.kind === 'add' && l.inputs.some((name) => removed.has(name))
      ? { ...l, inputs: l.inputs.filter((name) => !removed.has(name)) }
      : l));
}

/**
 * Runs `layers` (a plan, the input first) on `input` with the layer objects `layerOf` gives,
 * and returns every layer's output but the input's, by name: the caller owns (and disposes)
 * them. An add left with one input passes it on (a clone, so each name owns its tensor).
 */
export function runPlan(
  layers: readonly PlannedLayer[],
  layerOf: (name: string) => tf.layers.Layer,
  input: tf.Tensor,
  /** Keep only these outputs, each other one freed once its last reader has run (a batch's memory). */
  keepOnly?: ReadonlySet<string>,
): Map<string, tf.Tensor> {
  const outputs = new Map<string, tf.Tensor>();
  const lastReader = new Map<string, number>();
  layers.forEach((layer, i) => layer.inputs.forEach((name) => lastReader.set(name, i)));
  const read = (name: string) => {
    const t = name === layers[0]?.name ? input : outputs.get(name);
    if (!t) throw new Error(`layer "${name}" is read before it is computed`);
    return t;
  };
  try {
    layers.forEach((layer, i) => {
      if (i === 0) return;
      const inputs = layer.inputs.map(read);
      const output = tf.tidy(() => (inputs.length === 1 && layer.kind === 'add'
        ? inputs[0].clone()
        : layerOf(layer.name).apply(inputs.length === 1 ? inputs[0] : inputs) as tf.Tensor));
      outputs.set(layer.name, output);
      if (!keepOnly) return;
      for (const name of new Set(layer.inputs)) {
        const done = outputs.get(name);
        if (done && lastReader.get(name) === i && !keepOnly.has(name)) {
          done.dispose();
          outputs.delete(name);
        }
      }
    });
  } catch (err) {
    tf.dispose([...outputs.values()]);
    throw err;
  }
  return outputs;
}

/**
 * The forward pass of `built` with `blocks` switched off (names checked first: an unknown
 * one throws a plain message), for Inspector.run's `forward`.
 */
export function lesionForward(built: BuiltResNet, blocks: readonly string[]): (input: tf.Tensor4D) => Map<string, tf.Tensor> {
  const off = new Set(checkLesion(built.config, blocks));
  const plan = lesionedPlan(planResNet50(built.config).layers, off);
  return (input) => runPlan(plan, (name) => built.model.getLayer(name), input);
}

/**
 * The network's output alone with `blocks` switched off (none: the intact network), each
 * layer's output freed as soon as the layers reading it have run: a batch of many images
 * never holds every activation at once.
 */
export function lesionHead(built: BuiltResNet, blocks: readonly string[]): (input: tf.Tensor4D) => tf.Tensor {
  const off = new Set(checkLesion(built.config, blocks));
  const plan = lesionedPlan(planResNet50(built.config).layers, off);
  const head = plan[plan.length - 1].name;
  return (input) => runPlan(plan, (name) => built.model.getLayer(name), input, new Set([head])).get(head) as tf.Tensor;
}
