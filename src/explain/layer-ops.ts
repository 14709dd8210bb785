/**
 * One planned layer applied with plain tfjs ops and its own weights, for the paths that are
 * differentiated. Not `layer.apply`: tfjs-layers' conv uses the fused conv2d, whose gradient
 * computes the filter's gradient too (eagerly), and the WASM backend has no
 * Conv2DBackpropFilter kernel. Plain conv2d asks only for the input's gradient
 * (Conv2DBackpropInput), which every backend has. The inspector's activations come from the
 * real model; the tests check these ops give the same values.
 */
import * as tf from '@tensorflow/tfjs';
import type { PlannedLayer } from '../model';
import { conv2dFastGrad } from './fast-conv';

/** Keras's (and tfjs's) BatchNormalization default; the weights were saved with it. */
const DEFAULT_EPSILON = 1e-3;

/**
 * Inference-mode BatchNorm as one scale and shift per channel. Not tf.batchNorm: its
 * gradient tiles the scale to the whole map (on WASM a fifth of a ResNet50 gradient's time);
 * a broadcast multiply's gradient is a broadcast multiply.
 */
function batchNorm(x: tf.Tensor, layer: tf.layers.Layer): tf.Tensor {
  const [, beta, mean] = layer.getWeights();
  const scale = batchNormScale(layer);
  return x.mul(scale).add(beta.sub(mean.mul(scale)));
}

/** Inference-mode BatchNorm's per-channel scale, gamma / sqrt(variance + epsilon). Call inside tf.tidy. */
export function batchNormScale(layer: tf.layers.Layer): tf.Tensor1D {
  const [gamma, , , variance] = layer.getWeights();
  const config = layer.getConfig().epsilon;
  const epsilon = typeof config === 'number' ? config : DEFAULT_EPSILON;
  return gamma.mul(variance.add(epsilon).rsqrt());
}

/** The output of `planned` (never the input or the dense layer) on `inputs`. Call inside tf.tidy or tf.grad. */
export function applyLayer(planned: PlannedLayer, layer: tf.layers.Layer, inputs: readonly tf.Tensor[]): tf.Tensor {
  const s = planned.settings;
  const x = inputs[0] as tf.Tensor4D;
  switch (s.kind) {
    case 'zero-padding':
      return tf.pad(x, [[0, 0], [s.padding, s.padding], [s.padding, s.padding], [0, 0]]);
    case 'conv': {
      const [kernel, bias] = layer.getWeights();
      return conv2dFastGrad(x, kernel as tf.Tensor4D, s.stride, s.padding).add(bias);
    }
    case 'batch-norm':
      return batchNorm(x, layer);
    case 'relu':
      return tf.relu(x);
    case 'max-pool':
      return tf.maxPool(x, s.poolSize, s.stride, 'valid');
    case 'avg-pool':
      return tf.avgPool(x, s.poolSize, s.stride, 'valid');
    case 'add':
      return tf.addN([...inputs]);
    case 'flatten':
      return x.reshape([x.shape[0], -1]);
    case 'input':
    case 'dense':
      throw new Error(`"${planned.name}" is not recomputed here (the logit is computed from the dense layer's input)`);
  }
}
