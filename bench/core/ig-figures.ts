/**
 * Integrated gradients' two extra figures (issue 11): what a batch saves per image on this
 * machine (bare batched forward passes, no gradient: the floor under IG's time), and the
 * completeness gap on the sample images as the steps grow. No tfjs.
 */
import type { AttributionRequest } from '../../src/client/types';
import { ratio, round } from './stats';
import type { AttributionPlan, CompletenessFigure, ForwardBatchFigure } from './types';

export interface IgSubject {
  /** One bare predict of one image, ms (the baseline). */
  predict(): Promise<number>;
  /** One bare predict of `batch` copies of the sample in one batch, ms. */
  predictBatch(batch: number): Promise<number>;
  /** Classifies the sample image `image`, runs `request` on it for its top class, releases it; answers the completeness gap. */
  gapOn(image: string, request: AttributionRequest): Promise<number>;
}

type Log = (message: string) => void;

/**
 * Each batch size once (after one untimed run of the largest, which grows the worker's
 * memory), each after a one-image predict; the times go into `baseline` too.
 */
export async function measureForwardBatches(subject: IgSubject, plan: AttributionPlan, baseline: number[], log: Log): Promise<Array<{ batch: number; ms: number }>> {
  await subject.predictBatch(Math.max(...plan.forwardBatches));
  const runs: Array<{ batch: number; ms: number }> = [];
  for (const batch of plan.forwardBatches) {
    baseline.push(await subject.predict());
    const ms = await subject.predictBatch(batch);
    runs.push({ batch, ms });
    log(`attribution (${plan.preset}): forward pass of a batch of ${batch}: ${Math.round(ms)} ms, ${Math.round(ms / batch)} ms an image (one image: ${Math.round(baseline[baseline.length - 1])} ms)`);
  }
  return runs;
}

/** The per-image figures against the section's baseline, and igSteps x the cheapest of them. */
export function forwardFigures(runs: readonly { batch: number; ms: number }[], baselineMs: number, igSteps: number): { forwardBatches: ForwardBatchFigure[]; igForwardFloorRatio: number } {
  const forwardBatches = runs.map(({ batch, ms }) => ({ batch, msPerImage: round(ms / batch), ratio: ratio(ms / batch, baselineMs) }));
  const cheapest = Math.min(...runs.map(({ batch, ms }) => ms / batch));
  return { forwardBatches, igForwardFloorRatio: ratio(igSteps * cheapest, baselineMs) };
}

/** The gap on each sample image at each step count, from the plan's baseline. */
export async function measureGaps(subject: IgSubject, plan: AttributionPlan, log: Log): Promise<{ igGaps: CompletenessFigure[]; igGapAtMostSteps: number }> {
  const igGaps: CompletenessFigure[] = [];
  for (const image of plan.gapImages) {
    for (const steps of plan.gapSteps) {
      const gap = await subject.gapOn(image, { method: 'ig', steps, baseline: plan.gapBaseline });
      igGaps.push({ image, baseline: plan.gapBaseline, steps, gap: Number(gap.toPrecision(3)) });
      log(`attribution (${plan.preset}): completeness gap on ${image}, ${steps} steps from ${plan.gapBaseline}: ${gap.toPrecision(3)}`);
    }
  }
  const most = Math.max(...plan.gapSteps);
  return { igGaps, igGapAtMostSteps: Math.max(...igGaps.filter((g) => g.steps === most).map((g) => g.gap)) };
}

