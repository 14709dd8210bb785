/**
 * Several images through the network in one batch, for the command line's `evaluate
 * --batch N`: top-K of each, and nothing held (no activations kept for the inspector). On a
 * CPU a batch only pays where one image leaves the threads idle (small inputs); see bench/.
 */
import * as tf from '@tensorflow/tfjs';
import { preprocessResized, resizeImage } from '../model/preprocess';
import { readableLabel } from './labels';
import type { ModelSession, Pixels } from './session';
import type { Prediction } from './types';

/** Top-K of each image of the batch, in order. `head` runs the network (default: the model itself). */
export async function predictBatch(
  session: ModelSession,
  images: readonly Pixels[],
  topK: number,
  head: (input: tf.Tensor4D) => tf.Tensor = (input) => session.built.model.predict(input) as tf.Tensor,
): Promise<Prediction[][]> {
  if (images.length === 0) return [];
  const size = session.built.config.inputShape[0];
  const { values, indices } = tf.tidy(() => {
    const batch = tf.concat(images.map((image) => preprocessResized(resizeImage(image.pixels, image.width, image.height, size), session.preprocessing)));
    const probabilities = head(batch as tf.Tensor4D);
    return tf.topk(probabilities.reshape([images.length, -1]), Math.min(topK, probabilities.shape[probabilities.rank - 1] ?? 1));
  });
  try {
    const [p, idx] = await Promise.all([values.data(), indices.data()]);
    const k = values.shape[1] ?? 0;
    const labels = session.inspector.labels;
    return images.map((_, row) => Array.from({ length: k }, (__, j) => {
      const index = idx[row * k + j];
      return { index, label: readableLabel(labels[index] ?? `class ${index}`), probability: p[row * k + j] };
    }));
  } finally {
    tf.dispose([values, indices]);
  }
}
