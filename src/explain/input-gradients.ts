/**
 * Gradients with respect to the preprocessed input, for a batch of inputs at once: of one
 * class's logit (saliency, SmoothGrad, integrated gradients), or of one unit's activation
 * (the effective receptive field). Samples in a batch are independent (BatchNorm runs in
 * inference mode), so each sample's gradient is its own. The backward pass is the one
 * written for this architecture (backprop.ts); `tfGradients` keeps tf.grad's, which the
 * tests hold it to.
 */
import * as tf from '@tensorflow/tfjs';
import type { BuiltResNet } from '../model';
import { backpropToInput, recordForward, type Recorded } from './backprop';
import { classLogit, denseLayer } from './logit';
import { runBetween } from './subgraph';

function inputName(built: BuiltResNet): string {
  const input = built.layers.find((l) => l.kind === 'input');
  if (!input) throw new Error('This model has no input layer');
  return input.name;
}

const NOTHING_HELD = (name: string): tf.Tensor => {
  throw new Error(`"${name}" is not downstream of the input`);
};

/** Logits of `classIndex` for a batch of inputs, [batch]. Call inside tf.tidy or tf.grad. */
export function logitsOf(built: BuiltResNet, inputs: tf.Tensor, classIndex: number): tf.Tensor1D {
  return classLogit(built, runBetween(built, inputName(built), inputs, denseLayer(built).inputs[0], NOTHING_HELD), classIndex);
}

/**
 * d/d(input) for each input of the batch, given d/d(`target`) = `seed(batch)`: through the
 * forward pass `recorded` when given (a held image's own activations, batch 1), else a new
 * forward pass of `inputs`, freed here. The caller disposes the result.
 */
function throughNetwork(built: BuiltResNet, inputs: tf.Tensor4D, target: string, seed: tf.Tensor, recorded?: Recorded): tf.Tensor4D {
  if (recorded) return backpropToInput(built, target, seed, recorded);
  const forward = recordForward(built, inputs, target);
  try {
    return backpropToInput(built, target, seed, (name) => {
      const t = forward.get(name);
      if (!t) throw new Error(`the forward pass did not keep "${name}"`);
      return t;
    });
  } finally {
    tf.dispose([...forward.values()]);
  }
}

/** d(logit of `classIndex`)/d(input) for each input of a batch, like `inputs`; the caller disposes it. */
export function logitGradients(built: BuiltResNet, inputs: tf.Tensor4D, classIndex: number, recorded?: Recorded): tf.Tensor4D {
  const dense = denseLayer(built);
  // d(logit)/d(dense input) is the class's kernel column, for every sample.
  const seed = tf.tidy(() => {
    const [kernel] = built.model.getLayer(dense.name).getWeights();
    return kernel.slice([0, classIndex], [-1, 1]).reshape([1, -1]).tile([inputs.shape[0], 1]);
  });
  try {
    return throughNetwork(built, inputs, dense.inputs[0], seed, recorded);
  } finally {
    seed.dispose();
  }
}

/**
 * d(sum over channels of `layer` at (row, col)) / d(input), [1, height, width, 3], for the
 * input `input` (batch 1); the caller disposes it.
 */
export function unitGradient(built: BuiltResNet, input: tf.Tensor4D, layer: string, row: number, col: number, recorded?: Recorded): tf.Tensor4D {
  const seed = tf.tidy(() => {
    const [, height, width, channels] = (built.model.getLayer(layer).output as tf.SymbolicTensor).shape as number[];
    return tf.ones([1, 1, 1, channels]).pad([[0, 0], [row, height - 1 - row], [col, width - 1 - col], [0, 0]]);
  });
  try {
    return throughNetwork(built, input, layer, seed, recorded);
  } finally {
    seed.dispose();
  }
}

/** tf.grad's own d(logit of `classIndex`)/d(input) through the recomputed plan: the reference the tests compare with. Call inside tf.tidy. */
export function tfLogitGradients(built: BuiltResNet, inputs: tf.Tensor4D, classIndex: number): tf.Tensor4D {
  return tf.grad((x: tf.Tensor) => logitsOf(built, x, classIndex).sum() as tf.Scalar)(inputs) as tf.Tensor4D;
}

/** tf.grad's own unit gradient, as unitGradient. Call inside tf.tidy. */
export function tfUnitGradient(built: BuiltResNet, input: tf.Tensor4D, layer: string, row: number, col: number): tf.Tensor4D {
  const f = (x: tf.Tensor) => runBetween(built, inputName(built), x, layer, NOTHING_HELD).slice([0, row, col, 0], [1, 1, 1, -1]).sum() as tf.Scalar;
  return tf.grad(f)(input) as tf.Tensor4D;
}
