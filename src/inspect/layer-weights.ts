/**
 * Reads one layer's weights out of a built model as plain data. The layer's variables are
 * read where they live (no tensor is made, none to dispose): only their values come back.
 */
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
    // read() hands out the variable's own tensor (not a copy): it is read, never disposed.
    const tensor = variable.read();
    const values = await tensor.data<'float32'>();
    tensors.push(summarise(shortName(variable.originalName), tensor.shape, layer.trainable && variable.trainable, values));
  }
  return { layer: name, tensors, trained, inputOrder: preprocessing.mode === 'caffe' ? 'bgr' : 'rgb' };
}
