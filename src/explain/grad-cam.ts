/**
 * Grad-CAM (Selvaraju et al. 2017) at any layer with a spatial output: the gradient of the
 * class logit with respect to the layer's activation A, averaged over space per channel,
 * weights the channels: map = ReLU(sum_c w_c A_c). The gradient comes from the network
 * after the layer, recomputed as a function of A (subgraph.ts), never from the input.
 */
import * as tf from '@tensorflow/tfjs';
import type { BuiltResNet } from '../model';
import { upsampleToInput } from '../inspect/upsample';
import { classLogit, denseLayer } from './logit';
import { runBetween } from './subgraph';

export interface GradCamTensors {
  /** [h, w] at the layer's resolution. */
  readonly map: tf.Tensor2D;
  /** [height, width] of the input. */
  readonly inputMap: tf.Tensor2D;
  readonly logit: tf.Scalar;
}

/**
 * Grad-CAM for `classIndex` at `layer`, whose activation (batch 1, 4-D) is `activation`;
 * `held` gives the image's other activations (a shortcut around the layer). The caller
 * disposes the three tensors.
 */
export function gradCam(
  built: BuiltResNet,
  layer: string,
  activation: tf.Tensor4D,
  classIndex: number,
  held: (name: string) => tf.Tensor,
): GradCamTensors {
  const denseInput = denseLayer(built).inputs[0];
  const logitOf = (a: tf.Tensor) => classLogit(built, runBetween(built, layer, a, denseInput, held), classIndex).sum() as tf.Scalar;
  return tf.tidy(() => {
    const { value, grad } = tf.valueAndGrad(logitOf)(activation);
    const weights = grad.mean([1, 2], true);
    const raw = activation.mul(weights).sum(-1, true).relu() as tf.Tensor4D;
    const [, h, w] = raw.shape;
    return { map: raw.reshape([h, w]) as tf.Tensor2D, inputMap: upsampleToInput(raw, built), logit: value };
  });
}
