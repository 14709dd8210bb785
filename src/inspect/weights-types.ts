/**
 * A layer's weights as plain data (no tfjs), for the page's "what the layer learned" views and
 * the model client's messages: each tensor's figures and histogram, and its values when they
 * are few enough to draw (a conv1 kernel, BatchNorm's per-channel vectors, biases).
 */
import type { Histogram } from './types';

/** Values are sent only up to this many per tensor (conv1's kernel is 9,408; res5's 3x3 kernel 2,359,296). */
export const MAX_WEIGHT_VALUES = 65_536;

export interface WeightTensor {
  /** The weight's short name, as Keras saves it: kernel, bias, gamma, beta, moving_mean, moving_variance. */
  readonly name: string;
  /** A conv kernel is [height, width, input channels, filters]; a dense kernel [inputs, units]. */
  readonly shape: readonly number[];
  /** False for BatchNorm's moving mean and variance (updated by training, not by gradients). */
  readonly trainable: boolean;
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly std: number;
  readonly histogram: Histogram;
  /** Every value in the shape's row-major order, or null beyond MAX_WEIGHT_VALUES. */
  readonly values: Float32Array | null;
}

export interface LayerWeights {
  readonly layer: string;
  /** In the layer's own order (Conv2D: kernel, bias; BatchNorm: gamma, beta, moving_mean, moving_variance). Empty for a layer without weights. */
  readonly tensors: readonly WeightTensor[];
  /** True for trained weights (ImageNet, a person's file); false for the seeded random initialisation. */
  readonly trained: boolean;
  /** The colour order of the image the network reads: 'bgr' for Keras "caffe" preprocessing. */
  readonly inputOrder: 'rgb' | 'bgr';
}
