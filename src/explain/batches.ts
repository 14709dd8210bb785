/**
 * Many gradients, a batch at a time (batch-size.ts says how many): progress is reported
 * after each batch and an abort stops the work between them.
 */
import * as tf from '@tensorflow/tfjs';
import { throwIfAborted } from '../client/errors';
import type { AttributeOptions } from './types';

export { batchSize } from './batch-size';

/** Resolves after the thread's queued tasks (messages) have had their turn. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Calls `run(start, count)` for consecutive batches covering 0..total, adding each result
 * (a tensor the caller's `run` made) into one sum, which the caller disposes.
 */
export async function sumInBatches(
  total: number,
  size: number,
  run: (start: number, count: number) => tf.Tensor,
  { signal, onProgress }: AttributeOptions,
): Promise<tf.Tensor> {
  let sum: tf.Tensor | null = null;
  try {
    for (let start = 0; start < total; start += size) {
      throwIfAborted(signal);
      const count = Math.min(size, total - start);
      const part = run(start, count);
      const next: tf.Tensor = sum ? tf.tidy(() => (sum as tf.Tensor).add(part)) : part;
      if (sum) tf.dispose([sum, part]);
      sum = next;
      // Wait for the backend, so progress is real; then give the thread's queued messages a
      // turn, so an abort can land between batches (on WASM data() resolves at once, as a
      // microtask, and the abort message would wait for the whole run).
      await sum.data();
      onProgress?.({ phase: 'attributing', done: start + count, total });
      await nextTask();
    }
  } catch (err) {
    sum?.dispose();
    throw err;
  }
  if (!sum) throw new Error('nothing to sum');
  return sum;
}
