/**
 * Statistics of one activation, computed on the backend; only the small results are read.
 *
 * Built for speed on WASM, where each kernel is one pass over up to 802,816 values and a
 * reduction over a non-innermost axis transposes first: the activation is transposed once
 * to channel-major for the per-channel reductions (min, max, sum, and the squared
 * deviations from the layer's mean, summed per channel so float32 sums stay short and
 * centring avoids the cancellation of E[x^2] - mean^2 when a few outliers stretch the
 * range, as in conv1). The layer's figures are combined from the per-channel ones in
 * float64 after the one read.
 */
import * as tf from '@tensorflow/tfjs';
import { readAndDispose } from './read';

import { HISTOGRAM_BINS, type TensorStats } from './types';


export type CountMethod = 'bincount' | 'compare';

/**
 * The share of values in each bin of `position` = (x - min) / (max - min) * BINS, a float
 * in [0, BINS] (BINS exactly for the maximum, which belongs to the last bin). WASM and CPU
 * have a fast bincount; WebGL's bincount reads the whole tensor back synchronously, so
 * there the shares come from one comparison per bin edge (cheap on a GPU). Shares, not
 * counts: on WebGL with half-float textures any sum above 65,504 would be Infinity.
 */
export function binShares(position: tf.Tensor1D, method: CountMethod = defaultCountMethod()): tf.Tensor1D {
  return tf.tidy(() => {
    if (method === 'bincount') {
      // Size BINS + 1: bincount drops values >= size, so the maximum gets a bin of its own,
      // folded into the last one here (cheaper than clamping 802,816 int32s).
      const counts = tf.bincount(position.cast('int32') as tf.Tensor1D, tf.tensor1d([], 'float32'), HISTOGRAM_BINS + 1);
      const folded = tf.concat([counts.slice(0, HISTOGRAM_BINS - 1), counts.slice(HISTOGRAM_BINS - 1, 2).sum(0, true)]);
      return folded.div(position.size) as tf.Tensor1D;
    }
    const atLeast = Array.from({ length: HISTOGRAM_BINS - 1 }, (_, i) => position.greaterEqual(i + 1).cast('float32').mean());
    const cumulative = tf.concat([tf.tensor1d([1]), tf.stack(atLeast) as tf.Tensor1D]);
    return cumulative.sub(tf.concat([cumulative.slice(1), tf.tensor1d([0])])) as tf.Tensor1D;
  });
}

function defaultCountMethod(): CountMethod {
  return tf.getBackend() === 'webgl' ? 'compare' : 'bincount';
}

/** Where each part of the packed result starts, for `channels` channels. */
function layout(channels: number) {
  const shares = 2;
  const means = shares + HISTOGRAM_BINS;
  return { shares, means, squares: means + channels, mins: means + 2 * channels, maxs: means + 3 * channels };
}

/**
 * Packs [non-zero share, centre, bin shares..., then per channel: means, mean squared
 * deviations from the centre, mins, maxs] into one tensor so a single download brings
 * everything back. Means rather than sums throughout, so that nothing leaves half-float
 * range on WebGL; the exact counts are recovered in float64 after the read.
 */
function packedStats(x: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const channels = x.shape[x.rank - 1] ?? 1;
    const flat = x.reshape([-1]) as tf.Tensor1D;
    const byChannel = x.reshape([-1, channels]).transpose();
    const mins = byChannel.min(1);
    const maxs = byChannel.max(1);
    const min = mins.min();
    const range = tf.maximum(maxs.max().sub(min), 1e-12);
    const position = flat.sub(min).mul(tf.scalar(HISTOGRAM_BINS).div(range)) as tf.Tensor1D;
    const means = byChannel.mean(1);
    const centre = means.mean();
    const squares = tf.squaredDifference(byChannel, centre).mean(1);
    const head = tf.stack([flat.abs().step().mean(), centre]);
    return tf.concat([head, binShares(position), means, squares, mins, maxs]) as tf.Tensor1D;
  });
}

const average = (values: Float32Array) => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * Mean and population std in float64 from the per-channel means and mean squared deviations
 * from c (every channel has as many values): var = E[(x - c)^2] - (mean - c)^2, where c is
 * within rounding of the mean.
 */
function moments(means: Float32Array, squares: Float32Array, centre: number) {
  const mean = average(means);
  return { mean, std: Math.sqrt(Math.max(0, average(squares) - (mean - centre) ** 2)) };
}

/** Statistics of `x` (batch of one). Does not dispose `x`. */
export async function tensorStats(x: tf.Tensor): Promise<TensorStats> {
  const channels = x.shape[x.rank - 1] ?? 1;
  const values = await readAndDispose(packedStats(x));
  const at = layout(channels);
  const part = (start: number, length: number) => values.subarray(start, start + length);
  const [means, mins, maxs] = [part(at.means, channels), part(at.mins, channels), part(at.maxs, channels)];
  const min = Math.min(...mins);
  const max = Math.max(...maxs);
  const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => min + ((max - min) * i) / HISTOGRAM_BINS);
  const { mean, std } = moments(means, part(at.squares, channels), values[1]);
  return {
    shape: x.shape.slice(1),
    min, max, mean,
    // A flat tensor has no spread, whatever the rounding of its mean.
    std: min === max ? 0 : std,
    zeroFraction: 1 - values[0],
    histogram: { edges, counts: Array.from(part(at.shares, HISTOGRAM_BINS), (share) => Math.round(share * x.size)) },
    channelMeans: Array.from(means),
    channelMins: Array.from(mins),
    channelMaxs: Array.from(maxs),
  };
}
