/**
 * The class logit, computed explicitly: the Keras head applies softmax inside the dense
 * layer (fc1000 / fc6), so its output is a probability. Every attribution here is of the
 * logit, the dense layer's input times its kernel column plus its bias, never of the
 * softmax probability (whose gradient vanishes as the class wins).
 */
import * as tf from '@tensorflow/tfjs';
import type { BuiltResNet, LayerInfo } from '../model';

/** The dense layer at the head, whose input the logits are computed from. */
export function denseLayer(built: BuiltResNet): LayerInfo {
  const dense = built.layers.find((l) => l.kind === 'dense');
  if (!dense) throw new Error('This model has no dense head');
  return dense;
}

/**
 * Logits of every class, [batch, classes], from the dense layer's input [batch, features].
 * Call inside tf.tidy or tf.grad.
 */
export function allLogits(built: BuiltResNet, denseInput: tf.Tensor): tf.Tensor2D {
  const [kernel, bias] = built.model.getLayer(denseLayer(built).name).getWeights();
  return denseInput.reshape([denseInput.shape[0], -1]).matMul(kernel as tf.Tensor2D).add(bias) as tf.Tensor2D;
}

/** One class's logit per batch item, [batch]. Call inside tf.tidy or tf.grad. */
export function classLogit(built: BuiltResNet, denseInput: tf.Tensor, classIndex: number): tf.Tensor1D {
  const [kernel, bias] = built.model.getLayer(denseLayer(built).name).getWeights();
  const column = kernel.slice([0, classIndex], [-1, 1]) as tf.Tensor2D;
  const features = denseInput.reshape([denseInput.shape[0], -1]) as tf.Tensor2D;
  return features.matMul(column).reshape([-1]).add(bias.slice([classIndex], [1])) as tf.Tensor1D;
}
