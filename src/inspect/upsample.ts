import * as tf from '@tensorflow/tfjs';
import type { BuiltResNet } from '../model';

/**
 * A [1, h, w, 1] map resized to the model's input, [height, width]. Half-pixel centres, as
 * the input was resized: corner-aligned sampling would shift the map up and left by half a
 * cell (16 px for 7x7 -> 224x224). Call inside tf.tidy.
 */
export function upsampleToInput(map: tf.Tensor4D, built: BuiltResNet): tf.Tensor2D {
  const [height, width] = built.config.inputShape;
  return tf.image.resizeBilinear(map, [height, width], false, true).reshape([height, width]);
}
