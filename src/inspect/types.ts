/**
 * What the inspect room hands out, as plain data: numbers, strings and typed arrays. No
 * tfjs import here, so the page (and the model client's messages) can use these types
 * without pulling tfjs into the main bundle.
 */
import type { TintStatistic } from '../model/vocabulary';

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
  /** Minimum of each channel (last axis): the per-channel colour scale of the feature maps. */
  readonly channelMins: readonly number[];
  /** Maximum of each channel (last axis). */
  readonly channelMaxs: readonly number[];
}

export interface Prediction {
  readonly index: number;
  /** Readable label, e.g. "Egyptian cat". */
  readonly label: string;
  readonly probability: number;
}

export interface LayerValues {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/** One statistic per layer, for tinting the graph (the vocabulary lists them). */
export type LayerScalar = TintStatistic;

export interface BranchData {
  readonly name: string;
  readonly stats: TensorStats;
  /** L2 norm of the branch's output: how much it adds to the sum. */
  readonly norm: number;
}

export interface LayerData {
  readonly name: string;
  readonly stats: TensorStats;
  /** Shape without the batch dimension, e.g. [56, 56, 256]. */
  readonly shape: readonly number[];
  /** All values in channels-last order (index = (row * width + col) * channels + channel). */
  readonly values: Float32Array;
  /** For an add layer: its residual (main path) and shortcut inputs. */
  readonly branches: { readonly main: BranchData; readonly shortcut: BranchData } | null;
}

/** How far apart two held images' activations are at one layer. */
export interface LayerComparison {
  readonly name: string;
  /** A·B / (‖A‖ ‖B‖), in [-1, 1]; 1 when both are all zeros. */
  readonly cosine: number;
  /** ‖A − B‖ / ‖A‖ (relative to A, the first image); Infinity when only A is all zeros. */
  readonly relativeL2: number;
}

export interface Comparison {
  /** Every layer both images hold, in network order. */
  readonly layers: readonly LayerComparison[];
}
