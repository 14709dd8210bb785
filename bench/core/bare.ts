/**
 * The baseline's side of the engine's thread (the bench worker, or Node): the same
 * model the engine opens (ModelSession.open: buildResNet50 + the float16 weights,
 * as src/model/imagenet.ts loads them), on the same backend, with the sample preprocessed
 * once as the model expects; timed bare `model.predict` + reading the 1000 probabilities.
 */
import * as tf from '@tensorflow/tfjs';
import { ModelSession, type Pixels } from '../../src/inspect';
import { preprocess } from '../../src/model/preprocess';
import type { WeightsSource } from '../../src/model/weights/source';

export interface Bare {
  /** Download + build + weight decoding, ms (no warm-up: the first predict is measured). */
  readonly loadMs: number;
  /** One bare predict + `await probabilities.data()` + dispose, ms. */
  predict(): Promise<number>;
  /** The same for `batch` copies of the input in one batch (one predict call), ms for the whole batch. */
  predictBatch(batch: number): Promise<number>;
  dispose(): void;
}

export async function openBare(preset: 'imagenet' | 'signs', weights: WeightsSource, image: Pixels): Promise<Bare> {
  const start = performance.now();
  const session = await ModelSession.open({ preset, seedLiteral: false, weights });
  const loadMs = performance.now() - start;
  const size = session.built.config.inputShape[0];
  const input = preprocess(image.pixels, image.width, image.height, session.preprocessing, size);
  return {
    loadMs,
    async predict() {
      const t0 = performance.now();
      const probabilities = session.built.model.predict(input) as tf.Tensor;
      await probabilities.data();
      probabilities.dispose();
      return performance.now() - t0;
    },
    async predictBatch(batch) {
      const copies = input.tile([batch, 1, 1, 1]);
      try {
        const t0 = performance.now();
        const probabilities = session.built.model.predict(copies, { batchSize: batch }) as tf.Tensor;
        await probabilities.data();
        probabilities.dispose();
        return performance.now() - t0;
      } finally {
        copies.dispose();
      }
    },
    dispose() {
      input.dispose();
      session.dispose();
    },
  };
}
