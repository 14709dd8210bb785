/**
 * The effective receptive field of one unit (Luo et al. 2016): the gradient of the unit's
 * activation (the sum of its layer's channels at one row and column) with respect to the
 * input, |.| summed over the input's channels, beside the unit's theoretical field from the
 * architecture (receptive-field.ts).
 */
import * as tf from '@tensorflow/tfjs';
import type { BuiltResNet } from '../model';
import { readAndDispose } from '../inspect/read';
import type { Recorded } from './backprop';
import { massSide } from './field-mass';
import { unitGradient } from './input-gradients';
import { receptiveField, unitCentre, unitRegion } from './receptive-field';
import type { UnitField, UnitRequest } from './types';
import { checkSpatialLayer } from './validate';
import { valueRange } from './value-range';

/** The unit's effective field on `input` (the image's preprocessed input, batch 1), through its forward pass `recorded` when held. */
export async function unitField(built: BuiltResNet, input: tf.Tensor4D, { layer, row, col }: UnitRequest, recorded?: Recorded): Promise<UnitField> {
  checkSpatialLayer(built.config, layer, 'A unit');
  const field = receptiveField(built.config, layer);
  const [height, width] = built.config.inputShape;
  const region = unitRegion(field, row, col, [height, width]);
  const map = tf.tidy(() => unitGradient(built, input, layer, row, col, recorded).abs().sum(-1).squeeze([0]));
  const values = await readAndDispose(map);
  const [centreX, centreY] = [unitCentre(field, col), unitCentre(field, row)];
  const shape = [height, width];
  return {
    layer, row, col, shape, values, ...valueRange(values),
    mass50: massSide(values, shape, centreX, centreY, 0.5),
    mass90: massSide(values, shape, centreX, centreY, 0.9),
    theoretical: { size: field.size, jump: field.jump, x0: region.x0, y0: region.y0, x1: region.x1, y1: region.y1, centreX, centreY },
  };
}
