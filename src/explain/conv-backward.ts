/**
 * A convolution's input gradient from its backward kernel (backward-kernels.ts), as forward
 * conv2d calls: stride 1 is a correlation with the flipped kernel; a 1x1 conv of stride s
 * is the transposed matrix at the output's positions, scattered to every s-th input
 * position; any other stride goes through the phase form. Call inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';
import type { ConvPadding } from '../model';
import { dilate, padOrCrop } from './fast-conv';
import { samePaddingBefore } from './receptive-field';

export interface ConvGeometry {
  readonly kernel: number;
  readonly stride: number;
  readonly padding: ConvPadding;
  /** The conv's input height and width. */
  readonly inputSize: readonly [number, number];
}

/** d/d(input) of a conv from d/d(its output) `dy` (times its BatchNorm's scale, when folded). */
export function convBackward(dy: tf.Tensor4D, backward: tf.Tensor4D, geometry: ConvGeometry): tf.Tensor4D {
  const { kernel: k, stride: s, padding, inputSize: [height, width] } = geometry;
  const before = (n: number) => (padding === 'same' ? samePaddingBefore(n, k, s) : 0);
  if (k === 1) {
    const atOutputs = tf.conv2d(dy, backward, 1, 'valid');
    if (s === 1) return atOutputs;
    const spread = dilate(atOutputs, s);
    return padOrCrop(spread, 0, height - spread.shape[1], 0, width - spread.shape[2]);
  }
  if (s === 1) {
    // Odd k, 'same': the padding is symmetric, so the backward conv is 'same' too.
    if (padding === 'same' && k % 2 === 1) return tf.conv2d(dy, backward, 1, 'same');
    const [top, left] = [k - 1 - before(height), k - 1 - before(width)];
    const full = padOrCrop(dy, top, height + k - 1 - top - dy.shape[1], left, width + k - 1 - left - dy.shape[2]);
    return tf.conv2d(full, backward, 1, 'valid');
  }
  return phaseBackward(dy, backward, s, [before(height), before(width)], [height, width]);
}

/**
 * The phase form: the full correlation of dy with the d x d phase kernel gives the gradient
 * of every phase of the (padded) input, stacked on the channels; depthToSpace interleaves
 * them, and the padding is cropped (or the input's unseen last rows filled with zeros).
 */
function phaseBackward(dy: tf.Tensor4D, backward: tf.Tensor4D, s: number, before: readonly [number, number], size: readonly [number, number]): tf.Tensor4D {
  const d = backward.shape[0];
  const phases = tf.conv2d(tf.pad(dy, [[0, 0], [d - 1, d - 1], [d - 1, d - 1], [0, 0]]), backward, 1, 'valid');
  const padded = tf.depthToSpace(phases, s);
  const [, h, w] = padded.shape;
  return padOrCrop(padded, -before[0], size[0] + before[0] - h, -before[1], size[1] + before[1] - w);
}
