/**
 * Runs labelled images through the engine (intact or with blocks switched off) and scores
 * them: top-1 and top-5 against each image's label. The activations of every pass are
 * released as soon as its predictions are out. (engine-pool.ts feeds the images to the engines.)
 */
import type { Pixels, Prediction } from '../client/types';
import type { CliEngine } from './engine';

export interface Score {
  images: number;
  top1: number;
  top5: number;
}

export const emptyScore = (): Score => ({ images: 0, top1: 0, top5: 0 });

/** Adds one image to a score: top-1 and top-5 hits of `label` in `top` (sorted). */
export function addToScore(score: Score, top: readonly Prediction[], label: number): void {
  score.images++;
  if (top[0]?.index === label) score.top1++;
  if (top.slice(0, 5).some((p) => p.index === label)) score.top5++;
}

/** Hits as fractions; null where nothing was scored. */
export function rates(score: Score): { top1: number | null; top5: number | null } {
  return score.images === 0 ? { top1: null, top5: null } : { top1: score.top1 / score.images, top5: score.top5 / score.images };
}

/** One batch (`classifyBatch`): each image's top K, nothing held. */
export async function predictMany(engine: CliEngine, images: readonly Pixels[], topK: number, lesion: readonly string[]): Promise<readonly (readonly Prediction[])[]> {
  return (await engine.client.classifyBatch(engine.model.modelId, images, { topK, lesion })).predictions;
}

/** One pass: predictions (top K), its activations released at once. */
export async function predict(engine: CliEngine, image: Pixels, topK: number, lesion: readonly string[]): Promise<readonly Prediction[]> {
  const run = await engine.client.classify(engine.model.modelId, image, { topK, lesion });
  await engine.client.release(run.resultId);
  return run.predictions;
}
