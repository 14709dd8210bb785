/** Statistics of one activation, computed on the backend; only the small results are read. */
import * as tf from '@tensorflow/tfjs';
import { readAndDispose } from './read';

export const HISTOGRAM_BINS = 32;

export interface Histogram {
  /** HISTOGRAM_BINS + 1 edges from min to max; the last bin includes max. */
  readonly edges: readonly number[];
  readonly counts: readonly number[];
}

export interface TensorStats {
  /** Shape without the batch dimension. */
  readonly shape: readonly number[];
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly std: number;
  /** Fraction of values that are exactly zero (what a ReLU switched off). */
  readonly zeroFraction: number;
  readonly histogram: Histogram;
  /** Mean of each channel (last axis). */
  readonly channelMeans: readonly number[];
}

/**
 * Per-bin counts on the backend. WASM and CPU have a fast bincount; WebGL's bincount reads
 * the whole tensor back synchronously, so there the counts come from one comparison per
 * bin edge (cheap on a GPU), and nothing but the counts is downloaded.
 */
export function binCounts(bin: tf.Tensor1D, method: 'bincount' | 'compare' = defaultCountMethod()): tf.Tensor1D {
  if (method === 'bincount') {
    return tf.bincount(bin.cast('int32') as tf.Tensor1D, tf.tensor1d([], 'float32'), HISTOGRAM_BINS).cast('float32');
  }
  const atLeast = Array.from({ length: HISTOGRAM_BINS - 1 }, (_, i) => bin.greaterEqual(i + 1).cast('float32').sum());
  const cumulative = tf.concat([tf.tensor1d([bin.size]), tf.stack(atLeast) as tf.Tensor1D]);
  return cumulative.sub(tf.concat([cumulative.slice(1), tf.tensor1d([0])]));
}

function defaultCountMethod(): 'bincount' | 'compare' {
  return tf.getBackend() === 'webgl' ? 'compare' : 'bincount';
}

/**
 * Packs [min, max, mean, std, zeroFraction, counts..., channelMeans...] into one tensor
 * so a single download brings everything back.
 */
function packedStats(x: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const flat = x.reshape([-1]);
    const channels = x.shape[x.rank - 1] ?? 1;
    // Means in two stages (per channel, then across channels) keep float32 sums accurate.
    const mean2 = (t: tf.Tensor) => t.reshape([-1, channels]).mean(0).mean();
    const min = flat.min();
    const max = flat.max();
    const mean = mean2(x);
    const std = mean2(x.sub(mean).square()).sqrt();
    const zeros = mean2(x.equal(0).cast('float32'));
    const range = tf.maximum(max.sub(min), 1e-12);
    const bin = flat.sub(min).div(range).mul(HISTOGRAM_BINS).floor().clipByValue(0, HISTOGRAM_BINS - 1) as tf.Tensor1D;
    const channelMeans = x.reshape([-1, channels]).mean(0);
    return tf.concat([tf.stack([min, max, mean, std, zeros]), binCounts(bin), channelMeans]) as tf.Tensor1D;
  });
}
/** Statistics of `x` (batch of one). Does not dispose `x`. */
export async function tensorStats(x: tf.Tensor): Promise<TensorStats> {
  const packed = packedStats(x);
  const values = await readAndDispose(packed);
  const [min, max, mean, std, zeroFraction] = Array.from(values.subarray(0, 5));
  const counts = Array.from(values.subarray(5, 5 + HISTOGRAM_BINS));
  const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => min + ((max - min) * i) / HISTOGRAM_BINS);
  return {
    shape: x.shape.slice(1),
    min, max, mean, std, zeroFraction,
    histogram: { edges, counts },
    channelMeans: Array.from(values.subarray(5 + HISTOGRAM_BINS)),
  };
}
