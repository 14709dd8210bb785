/**
 * Gradients with respect to the preprocessed input, for a batch of inputs at once: of one
 * class's logit (saliency, SmoothGrad, integrated gradients), or of one unit's activation
 * (the effective receptive field). Samples in a batch are independent (BatchNorm runs in
 * inference mode), so the gradient of the batch's sum is each sample's own gradient.
 */
import * as tf from '@tensorflow/tfjs';
import type { BuiltResNet } from '../model';
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

/** d(logit of `classIndex`)/d(input) for each input of a batch, like `inputs`. Call inside tf.tidy. */
export function logitGradients(built: BuiltResNet, inputs: tf.Tensor4D, classIndex: number): tf.Tensor4D {
  return tf.grad((x: tf.Tensor) => logitsOf(built, x, classIndex).sum() as tf.Scalar)(inputs) as tf.Tensor4D;
}

/**
 * d(sum over channels of `layer` at (row, col)) / d(input), [1, height, width, 3], for the
 * input `input` (batch 1). Call inside tf.tidy.
 */
export function unitGradient(built: BuiltResNet, input: tf.Tensor4D, layer: string, row: number, col: number): tf.Tensor4D {
  const from = inputName(built);
  const f = (x: tf.Tensor) => {
    const out = runBetween(built, from, x, layer, NOTHING_HELD);
    return out.slice([0, row, col, 0], [1, 1, 1, -1]).sum() as tf.Scalar;
  };
  return tf.grad(f)(input) as tf.Tensor4D;
}
