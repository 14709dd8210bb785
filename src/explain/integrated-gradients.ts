/**
 * Integrated gradients (Sundararajan et al. 2017): attribution_i = (x_i - x'_i) times the
 * mean gradient of the logit along the straight path from the baseline x' to the input x.
 * The path integral is a midpoint Riemann sum over `steps` points, alpha = (k + 1/2) / steps,
 * run a batch of points at a time. Completeness says the attributions sum to
 * F(x) - F(x'); the relative gap measures how far the sum is from converged.
 */
import * as tf from '@tensorflow/tfjs';
import type { BuiltResNet } from '../model';
import { batchSize, sumInBatches } from './batches';
import { logitGradients, logitsOf } from './input-gradients';
import type { AttributeOptions } from './types';

export interface IntegratedGradients {
  /** Attributions summed over channels, [h, w], signed; the caller disposes it. */
  readonly map: tf.Tensor2D;
  /** |sum(attributions) - (F(x) - F(x'))| / |F(x) - F(x')|. */
  readonly completenessGap: number;
  /** F(x) and F(x'): the class logit on the input and on the baseline. */
  readonly logit: number;
  readonly baselineLogit: number;
}

/** Integrated gradients of `classIndex` from `baseline` to `input` (both batch 1, preprocessed). */
export async function integratedGradients(
  built: BuiltResNet,
  input: tf.Tensor4D,
  baseline: tf.Tensor4D,
  classIndex: number,
  steps: number,
  options: AttributeOptions = {},
): Promise<IntegratedGradients> {
  const delta = tf.sub(input, baseline) as tf.Tensor4D;
  const batch = (start: number, count: number) => tf.tidy(() => {
    const alphas = tf.range(start, start + count).add(0.5).div(steps).reshape([count, 1, 1, 1]);
    const points = baseline.add(delta.mul(alphas)) as tf.Tensor4D;
    return logitGradients(built, points, classIndex).sum(0, true);
  });
  let sum: tf.Tensor | null = null;
  try {
    sum = await sumInBatches(steps, batchSize(built.config), batch, options);
    const total = sum;
    const [map, summed] = tf.tidy(() => {
      const attributions = delta.mul(total).div(steps).sum(-1).squeeze([0]) as tf.Tensor2D;
      const ends = logitsOf(built, tf.concat([input, baseline]), classIndex);
      return [attributions, tf.concat([ends, attributions.sum().reshape([1])])];
    });
    const [logit, baselineLogit, attributed] = await summed.data();
    summed.dispose();
    const change = logit - baselineLogit;
    return { map, completenessGap: Math.abs(attributed - change) / Math.abs(change), logit, baselineLogit };
  } finally {
    tf.dispose([delta, ...(sum ? [sum] : [])]);
  }
}
