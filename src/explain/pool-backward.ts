/**
 * Pooling layers' input gradients from plain fast ops (on WASM, tfjs's MaxPoolGrad is a
 * plain loop: ~180 ms for the stem's pool alone, against ~1 ms for the pool itself).
 * Call inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';
import { padOrCrop } from './fast-conv';

/** x's s x s phases, phase (p, q) = x[s m + p, s n + q]: a depthwise conv of stride s picks each (fast on WASM, unlike strided slices). */
function phasesOf(x: tf.Tensor4D, s: number): tf.Tensor4D[][] {
  const channels = x.shape[3];
  return Array.from({ length: s }, (_, p) => Array.from({ length: s }, (_, q) => {
    const pick = new Float32Array(s * s);
    pick[p * s + q] = 1;
    const kernel = tf.tensor4d(pick, [s, s, 1, 1]).tile([1, 1, channels, 1]) as tf.Tensor4D;
    return tf.depthwiseConv2d(x, kernel, s, 'valid');
  }));
}

/** The inverse of phasesOf: interleaves s x s phases [b, n, n, c] into [b, s n, s n, c]. */
function interleave(phases: readonly (readonly tf.Tensor4D[])[], s: number): tf.Tensor4D {
  const [b, n, m, c] = phases[0][0].shape;
  const rows = phases.map((row) => tf.stack([...row], 3).reshape([b, n, m * s, c]));
  return tf.stack(rows, 2).reshape([b, n * s, m * s, c]) as tf.Tensor4D;
}

/**
 * d/d(x) of y = maxPool(x, k, s, 'valid') from dy: each window's gradient goes to the
 * elements equal to its maximum. Window tap (a, b) of output (i, j) is element
 * (i + a / s, j + b / s) of phase (a % s, b % s), so every tap is one same-shape compare
 * on the phase grid, against y and dy shifted by padding. A window with tied maxima gives
 * each of them the gradient where tfjs gives it to one; after a ReLU the only ties are at
 * zero, whose gradient the ReLU then stops, so the input gradient is the same.
 */
export function maxPoolBackward(dy: tf.Tensor4D, x: tf.Tensor4D, y: tf.Tensor4D, k: number, s: number): tf.Tensor4D {
  const [, height, width] = x.shape;
  const [, ho, wo] = y.shape;
  const [n, m] = [Math.ceil(height / s), Math.ceil(width / s)];
  const phases = phasesOf(padOrCrop(x, 0, n * s - height, 0, m * s - width), s);
  const grads: tf.Tensor4D[][] = phases.map((row) => row.map((phase) => tf.zerosLike(phase)));
  for (let a = 0; a < k; a += 1) {
    for (let b = 0; b < k; b += 1) {
      const [da, db] = [Math.floor(a / s), Math.floor(b / s)];
      const shift = (t: tf.Tensor4D) => tf.pad(t, [[0, 0], [da, n - ho - da], [db, m - wo - db], [0, 0]]);
      const [p, q] = [a % s, b % s];
      const hit = tf.equal(phases[p][q], shift(y)).cast('float32');
      grads[p][q] = grads[p][q].add(hit.mul(shift(dy)));
    }
  }
  return padOrCrop(interleave(grads, s), 0, height - n * s, 0, width - m * s);
}

/** d/d(x) of y = avgPool(x, k, k, 'valid') (non-overlapping windows) from dy. */
export function avgPoolBackward(dy: tf.Tensor4D, inputShape: readonly [number, number, number, number], k: number, s: number): tf.Tensor4D {
  const [, height, width] = inputShape;
  const [, ho, wo] = dy.shape;
  if (s !== k) {
    return tf.grad((x: tf.Tensor) => tf.avgPool(x as tf.Tensor4D, k, s, 'valid').mul(dy).sum())(tf.zeros([...inputShape])) as tf.Tensor4D;
  }
  const spread = ho === 1 && wo === 1 ? dy.tile([1, k, k, 1]) : tf.image.resizeNearestNeighbor(dy, [ho * k, wo * k]);
  return padOrCrop(spread.div(k * k) as tf.Tensor4D, 0, height - ho * k, 0, width - wo * k);
}
