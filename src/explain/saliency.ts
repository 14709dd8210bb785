/**
 * Saliency maps: the vanilla gradient (Simonyan et al. 2014), map = max over channels of
 * |d(logit)/d(input)|, and SmoothGrad (Smilkov et al. 2017): that map averaged over samples
 * of the input with Gaussian noise added (sigma a fraction of the input's max - min).
 */
import * as tf from '@tensorflow/tfjs';
import type { BuiltResNet } from '../model';
import { batchSize, sumInBatches } from './batches';
import type { Recorded } from './backprop';
import { logitGradients } from './input-gradients';
import type { AttributeOptions } from './types';

/** max over channels of |gradient|: [batch, h, w, c] -> [batch, h, w]. Call inside tf.tidy. */
function saliencyOf(grads: tf.Tensor4D): tf.Tensor3D {
  return grads.abs().max(-1);
}

/**
 * The vanilla gradient's map, [h, w], for the input (batch 1); the caller disposes it.
 * `recorded`: the input's forward pass, when it is held already (the image's activations).
 */
export function saliency(built: BuiltResNet, input: tf.Tensor4D, classIndex: number, recorded?: Recorded): tf.Tensor2D {
  return tf.tidy(() => saliencyOf(logitGradients(built, input, classIndex, recorded)).squeeze([0]));
}

export interface SmoothGradSettings {
  readonly samples: number;
  /** Noise sigma as a fraction of the input's max - min. */
  readonly sigma: number;
  /** Seeds the noise, so the same request gives the same map. */
  readonly seed?: number;
}

/** SmoothGrad's map, [h, w]; the caller disposes it. */
export async function smoothGrad(
  built: BuiltResNet,
  input: tf.Tensor4D,
  classIndex: number,
  { samples, sigma, seed = 0 }: SmoothGradSettings,
  options: AttributeOptions = {},
): Promise<tf.Tensor2D> {
  const range = tf.tidy(() => input.max().sub(input.min()));
  const std = sigma * (await range.data())[0];
  range.dispose();
  const batch = (start: number, count: number) => tf.tidy(() => {
    const noisy = input.tile([count, 1, 1, 1]).add(tf.randomNormal([count, ...input.shape.slice(1)], 0, std, 'float32', seed + start));
    return saliencyOf(logitGradients(built, noisy as tf.Tensor4D, classIndex)).sum(0);
  });
  const sum = await sumInBatches(samples, batchSize(built.config), batch, options);
  const mean = tf.tidy(() => sum.div(samples) as tf.Tensor2D);
  sum.dispose();
  return mean;
}
