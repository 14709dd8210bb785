import type * as tf from '@tensorflow/tfjs';

/** Downloads a tensor made only to be read, and frees it even when the read fails. */
export async function readAndDispose(t: tf.Tensor): Promise<Float32Array> {
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}
