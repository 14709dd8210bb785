/**
 * Reads one layer's weights out of a built model as plain data: the values of a copy of each
 * variable (made, read and disposed at once), never the variable's own storage.
 */
import * as tf from '@tensorflow/tfjs';
import type { BuiltResNet } from '../model';
import type { Preprocessing } from '../model/preprocessing';
import { valuesStats } from './values-stats';
import { MAX_WEIGHT_VALUES, type LayerWeights, type WeightTensor } from './weights-types';

export interface WeightsSource {
  readonly built: BuiltResNet;
  readonly trained: boolean;
  readonly preprocessing: Preprocessing;
}

/** `res2a_branch2a/kernel` (or a uniquified `.../kernel_1`) -> `kernel`. */
function shortName(originalName: string): string {
  return originalName.slice(originalName.lastIndexOf('/') + 1);
}

/** A weight's figures: one pass for min, max and sum, one for the spread and the 32 bins. */
function summarise(name: string, shape: readonly number[], trainable: boolean, values: Float32Array): WeightTensor {
  // One "channel" of every value: the overall figures, not the per-filter ones.
  const { min, max, mean, std, histogram } = valuesStats(values, [values.length, 1]);
  return {
    name, shape: [...shape], trainable, count: values.length, min, max, mean, std, histogram,
    values: values.length <= MAX_WEIGHT_VALUES ? values : null,
  };
}

/** The named layer's weights; a layer without weights gives an empty list. */
export async function readLayerWeights({ built, trained, preprocessing }: WeightsSource, name: string): Promise<LayerWeights> {
  if (!built.layers.some((l) => l.name === name)) throw new Error(`There is no layer named “${name}” in this model`);
  const layer = built.model.getLayer(name);
  const tensors: WeightTensor[] = [];
  for (const variable of layer.weights) {
    // The values of a computed copy, never the variable's own: on the CPU backend data() is the
    // weight's storage itself, and the answer's buffers are transferred (emptied) across the
    // worker boundary; on WebGL reading the variable would also keep its download cached.
    const copy = tf.tidy(() => tf.mul(variable.read(), 1));
    let values: Float32Array;
    try {
      values = await copy.data<'float32'>();
    } finally {
      copy.dispose();
    }
    tensors.push(summarise(shortName(variable.originalName), copy.shape, layer.trainable && variable.trainable, values));
  }
  return { layer: name, tensors, trained, inputOrder: preprocessing.mode === 'caffe' ? 'bgr' : 'rgb' };
}
