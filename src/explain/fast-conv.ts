/**
 * conv2d whose input gradient is itself a forward conv2d. The WASM backend's
 * Conv2DBackpropInput is a plain loop, 7-10x slower than its XNNPACK conv2d (56x56x64 ->
 * 256, 1x1: 77 ms against 7 ms), which made one gradient of ResNet50 seven forward passes.
 * The gradient of a convolution with respect to its input is the output gradient, dilated by
 * the stride and padded, convolved with the kernel flipped in space and with its input and
 * output channels swapped; that is what this computes. Only the input's gradient is given:
 * the kernel is a constant here (attributions never train).
 */
import * as tf from '@tensorflow/tfjs';
import type { ConvPadding } from '../model';
import { samePaddingBefore } from './receptive-field';

/** Inserts stride - 1 zeros after every row and column: [b, h, w, c] -> [b, h * s, w * s, c]. */
export function dilate(dy: tf.Tensor4D, stride: number): tf.Tensor4D {
  if (stride === 1) return dy;
  const [b, h, w, c] = dy.shape;
  const rows = tf.concat([dy.expandDims(2), tf.zeros([b, h, stride - 1, w, c])], 2).reshape([b, h * stride, w, c]);
  const cols = tf.concat([rows.expandDims(3), tf.zeros([b, h * stride, w, stride - 1, c])], 3);
  return cols.reshape([b, h * stride, w * stride, c]) as tf.Tensor4D;
}

/** Pads (positive) or crops (negative) each side of the two spatial axes. */
export function padOrCrop(x: tf.Tensor4D, top: number, bottom: number, left: number, right: number): tf.Tensor4D {
  if (top === 0 && bottom === 0 && left === 0 && right === 0) return x;
  const padded = tf.pad(x, [[0, 0], [Math.max(top, 0), Math.max(bottom, 0)], [Math.max(left, 0), Math.max(right, 0)], [0, 0]]);
  const [, h, w] = padded.shape;
  const [y0, x0] = [Math.max(-top, 0), Math.max(-left, 0)];
  return padded.slice([0, y0, x0, 0], [-1, h - y0 - Math.max(-bottom, 0), w - x0 - Math.max(-right, 0), -1]);
}

/** d(loss)/d(x) of y = conv2d(x, kernel, stride, padding), from d(loss)/d(y). */
export function convInputGradient(
  dy: tf.Tensor4D,
  kernel: tf.Tensor4D,
  inputShape: readonly [number, number, number, number],
  stride: number,
  padding: ConvPadding,
): tf.Tensor4D {
  const [k] = kernel.shape;
  const [, height, width] = inputShape;
  const before = (n: number) => (padding === 'same' ? samePaddingBefore(n, k, stride) : 0);
  const z = dilate(dy, stride);
  // dx[p] = sum_a z[p + before - a] * kernel[a]: a valid correlation of z, padded by
  // k - 1 - before in front and to a length of n + k - 1, with the flipped kernel.
  const top = k - 1 - before(height);
  const left = k - 1 - before(width);
  const bottom = height + k - 1 - top - z.shape[1];
  const right = width + k - 1 - left - z.shape[2];
  return flippedCorrelation(padOrCrop(z, top, bottom, left, right), kernel);
}

/**
 * The valid correlation of z with the kernel turned around in space (input and output
 * channels swapped). Turning the kernel or turning z and the result around gives the same
 * numbers; WASM's reverse is slow per element (turning every 3x3 kernel took ~1.6 s per
 * ResNet50 gradient), so whichever is smaller is turned: the kernel early in the network,
 * the maps in stages 4 and 5.
 */
function flippedCorrelation(z: tf.Tensor4D, kernel: tf.Tensor4D): tf.Tensor4D {
  const swapped = kernel.transpose([0, 1, 3, 2]) as tf.Tensor4D;
  if (kernel.shape[0] === 1) return tf.conv2d(z, swapped, 1, 'valid');
  if (kernel.size <= 2 * z.size) return tf.conv2d(z, swapped.reverse([0, 1]), 1, 'valid');
  return tf.conv2d(z.reverse([1, 2]), swapped, 1, 'valid').reverse([1, 2]);
}

/** tf.conv2d(x, kernel, stride, padding) with the fast input gradient above. */
export function conv2dFastGrad(x: tf.Tensor4D, kernel: tf.Tensor4D, stride: number, padding: ConvPadding): tf.Tensor4D {
  const shape = x.shape;
  const run = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
    value: tf.conv2d(args[0] as tf.Tensor4D, kernel, stride, padding),
    gradFunc: (dy: tf.Tensor) => convInputGradient(dy as tf.Tensor4D, kernel, shape, stride, padding),
  }));
  return run(x) as tf.Tensor4D;
}
