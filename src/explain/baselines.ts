/**
 * Integrated gradients' baselines, as preprocessed inputs: `black` is black pixels run
 * through the model's own preprocessing (caffe: minus the ImageNet mean; unit: zeros), and
 * `blur` is the image under a wide Gaussian blur (the blur is linear and sums to one, so
 * blurring the preprocessed input equals preprocessing the blurred image).
 */
import * as tf from '@tensorflow/tfjs';
import { preprocess } from '../model';
import type { Preprocessing } from '../model/preprocessing';
import type { IgBaseline } from './types';

/** The blur's sigma as a fraction of the input side (11 px at 224): the objects are gone, the colours stay. */
const BLUR_SIGMA = 0.05;

function blackBaseline(size: number, preprocessing: Preprocessing): tf.Tensor4D {
  const pixels = new Uint8ClampedArray(size * size * 4);
  for (let i = 3; i < pixels.length; i += 4) pixels[i] = 255;
  return preprocess(pixels, size, size, preprocessing, size);
}

/** A separable Gaussian of sigma `sigma` pixels, 3 sigma each side, as [k, 1, 1, 1] (unnormalised). */
function gaussian(sigma: number): Float32Array {
  const radius = Math.ceil(3 * sigma);
  return Float32Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)));
}

/**
 * The input blurred per channel, with the kernel renormalised at the borders (the blur of
 * ones divides it out), so edges keep their level instead of fading to zero. Call inside tf.tidy.
 */
function blurred(input: tf.Tensor4D): tf.Tensor4D {
  const [, size, , channels] = input.shape;
  const weights = gaussian(BLUR_SIGMA * size);
  const k = weights.length;
  const column = tf.tensor4d(weights, [k, 1, 1, 1]).tile([1, 1, channels, 1]) as tf.Tensor4D;
  const row = column.reshape([1, k, channels, 1]) as tf.Tensor4D;
  const blur = (x: tf.Tensor4D) => tf.depthwiseConv2d(tf.depthwiseConv2d(x, column, 1, 'same'), row, 1, 'same');
  return blur(input).div(blur(tf.onesLike(input)));
}

/** The baseline for `input` (batch 1, preprocessed); the caller disposes it. */
export function baselineFor(kind: IgBaseline, input: tf.Tensor4D, preprocessing: Preprocessing): tf.Tensor4D {
  if (kind === 'black') return blackBaseline(input.shape[1], preprocessing);
  return tf.tidy(() => blurred(input));
}
