/**
 * What the explain room hands out, as plain data (no tfjs): attribution requests and maps,
 * and the effective receptive field of one unit. The model client's messages carry these.
 */
import type { LayerValues } from '../inspect/types';

export const ATTRIBUTION_METHODS = ['gradcam', 'saliency', 'smoothgrad', 'ig'] as const;
export type AttributionMethod = (typeof ATTRIBUTION_METHODS)[number];

/** Integrated gradients' starting images: black pixels (before preprocessing), or the image blurred. */
export const IG_BASELINES = ['black', 'blur'] as const;
export type IgBaseline = (typeof IG_BASELINES)[number];

/** Steps of the integrated-gradients path: default, and the range allowed. */
export const IG_STEPS = { default: 32, min: 8, max: 256 } as const;
/** SmoothGrad: noisy samples, and the noise's sigma as a fraction of the input's range. */
export const SMOOTHGRAD = { samples: 25, maxSamples: 256, sigma: 0.15 } as const;

export interface AttributionRequest {
  readonly method: AttributionMethod;
  /** Grad-CAM only: a layer with a spatial output; default the last block's output. */
  readonly layer?: string;
  /** The class to explain, by index or by label; neither means the image's top class. */
  readonly classIndex?: number;
  readonly label?: string;
  /** Integrated gradients: path steps (8..256, default 32) and baseline (default black). */
  readonly steps?: number;
  readonly baseline?: IgBaseline;
  /** SmoothGrad: samples (default 25) and noise sigma as a fraction of the input's max - min (default 0.15). */
  readonly samples?: number;
  readonly sigma?: number;
}

export interface Attribution {
  readonly method: AttributionMethod;
  /** The layer the map is at: the Grad-CAM layer, or the input for the gradient methods. */
  readonly layer: string;
  readonly classIndex: number;
  readonly label: string;
  /** The class's logit (before softmax) on the image. */
  readonly logit: number;
  /**
   * The map at the layer's resolution, [height, width]: Grad-CAM's ReLU'd map; saliency's
   * max over channels of |gradient| (SmoothGrad: its mean over the noisy samples);
   * integrated gradients' attributions summed over channels, signed.
   */
  readonly shape: readonly number[];
  readonly values: Float32Array;
  readonly min: number;
  readonly max: number;
  /** Integrated gradients: |sum(attributions) - (F(x) - F(baseline))| / |F(x) - F(baseline)|. */
  readonly completenessGap: number | null;
  /** Grad-CAM: the map upsampled to the input size; null where `values` already is. */
  readonly inputMap: LayerValues | null;
}

export interface UnitRequest {
  readonly layer: string;
  readonly row: number;
  readonly col: number;
}

/** One unit's effective receptive field (Luo et al. 2016) beside its theoretical one. */
export interface UnitField {
  readonly layer: string;
  readonly row: number;
  readonly col: number;
  /**
   * |d(unit)/d(input)| summed over the input's channels, [height, width] of the input;
   * the unit is the sum of the layer's channels at (row, col).
   */
  readonly shape: readonly number[];
  readonly values: Float32Array;
  readonly min: number;
  readonly max: number;
  /** Sides, in input pixels, of the smallest squares centred on the unit's centre holding 50% / 90% of the map. */
  readonly mass50: number;
  readonly mass90: number;
  /** The theoretical field, clipped to the image (inclusive bounds), its unclipped size and its centre. */
  readonly theoretical: {
    readonly size: number;
    readonly jump: number;
    readonly x0: number;
    readonly y0: number;
    readonly x1: number;
    readonly y1: number;
    readonly centreX: number;
    readonly centreY: number;
  };
}

/** Progress of a long attribution (integrated gradients, SmoothGrad): gradients done of total. */
export interface AttributionProgress {
  readonly phase: 'attributing';
  readonly done: number;
  readonly total: number;
}

export interface AttributeOptions {
  /** Aborting stops the work between batches and rejects with an AbortError. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: AttributionProgress) => void;
}
