/**
 * The attribution figures' timing loop (issue 11, "Speed"), no tfjs: Grad-CAM, saliency,
 * integrated gradients and one unit's effective receptive field, each through the model
 * client on one held image, timed by the caller of the client as the app waits for it, and
 * each after a bare predict of the same model in the same worker (timed there), so a change
 * in the machine's load hits both. The worker's tf.memory() is read before the timed runs
 * and after them plus more Grad-CAM and saliency requests (20 of those two in all).
 */
import type { AttributionRequest, MemoryReading, UnitRequest } from '../../src/client/types';
import { forwardFigures, measureForwardBatches, measureGaps, type IgSubject } from './ig-figures';
import { median, ratio, round } from './stats';
import type { AttributionFigures, AttributionPlan } from './types';

export type Log = (message: string) => void;

export interface AttributionSubject extends IgSubject {
  /** One bare `model.predict` + reading the probabilities back + dispose, timed where it runs. */
  predict(): Promise<number>;
  /** client.attribute on the held image; answers its layer and IG's completeness gap. */
  attribute(request: AttributionRequest): Promise<{ layer: string; completenessGap: number | null }>;
  /** client.unitField on the held image. */
  unitField(request: UnitRequest): Promise<unknown>;
  /** tf.memory() where the tensors live (inside the worker). */
  memory(): Promise<MemoryReading>;
}

/** Where the figures come from besides the loop: the engine and the unit's map. */
export interface AttributionContext {
  readonly backend: string;
  readonly host: string;
  readonly threads: number;
  /** The unit layer's output height and width: the unit is at their centre. */
  readonly unitMap: readonly [number, number];
  /** The engine's batch for integrated gradients on this model. */
  readonly igBatch: number;
}

const GRAD_CAM: AttributionRequest = { method: 'gradcam' };
const SALIENCY: AttributionRequest = { method: 'saliency' };

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

export async function measureAttribution(subject: AttributionSubject, plan: AttributionPlan, context: AttributionContext, log: Log): Promise<AttributionFigures> {
  const [height, width] = context.unitMap;
  const unit: UnitRequest = { layer: plan.unitLayer, row: Math.floor(height / 2), col: Math.floor(width / 2) };
  const ig: AttributionRequest = { method: 'ig', steps: plan.igSteps, baseline: 'black' };
  // Untimed: each method once (the first gradients allocate and compile what later ones reuse).
  const warmCam = await timed(() => subject.attribute(GRAD_CAM));
  const warmSaliency = await timed(() => subject.attribute(SALIENCY));
  const warmUnit = await timed(() => subject.unitField(unit));
  log(`attribution (${plan.preset}): first Grad-CAM ${Math.round(warmCam.ms)} ms, saliency ${Math.round(warmSaliency.ms)} ms, unit field ${Math.round(warmUnit.ms)} ms`);
  for (let w = 0; w < plan.igWarmRuns; w += 1) await subject.attribute(ig);
  const baseline: number[] = [];
  const batches = await measureForwardBatches(subject, plan, baseline, log);

  // No growth: the worker's tensors before the timed runs and after them plus enough more
  // Grad-CAM and saliency requests (alternated) to make `memoryAttributions` of those two.
  const before = await subject.memory();
  let attributions = 0;
  let unitFields = 0;
  let camOrSaliency = 0;
  const attribute = async (request: AttributionRequest) => {
    attributions += 1;
    if (request.method === 'gradcam' || request.method === 'saliency') camOrSaliency += 1;
    return timed(() => subject.attribute(request));
  };

  const gradCam: number[] = [];
  const saliency: number[] = [];
  const unitField: number[] = [];
  const igMs: number[] = [];
  let gradCamLayer = warmCam.value.layer;
  let gap = Number.NaN;
  for (let r = 0; r < plan.rounds; r += 1) {
    baseline.push(await subject.predict());
    const cam = await attribute(GRAD_CAM);
    gradCam.push(cam.ms);
    gradCamLayer = cam.value.layer;
    baseline.push(await subject.predict());
    saliency.push((await attribute(SALIENCY)).ms);
    baseline.push(await subject.predict());
    unitFields += 1;
    unitField.push((await timed(() => subject.unitField(unit))).ms);
    log(`attribution (${plan.preset}): round ${r + 1}/${plan.rounds}: predict ${Math.round(baseline[baseline.length - 1])} ms, `
      + `Grad-CAM ${Math.round(cam.ms)} ms, saliency ${Math.round(saliency[r])} ms, unit field ${Math.round(unitField[r])} ms`);
  }
  for (let r = 0; r < plan.igRounds; r += 1) {
    baseline.push(await subject.predict());
    const run = await attribute(ig);
    igMs.push(run.ms);
    gap = run.value.completenessGap ?? Number.NaN;
    log(`attribution (${plan.preset}): integrated gradients ${r + 1}/${plan.igRounds}, ${plan.igSteps} steps: ${Math.round(run.ms)} ms (gap ${gap})`);
  }
  while (camOrSaliency < plan.memoryAttributions) await attribute(camOrSaliency % 2 === 0 ? GRAD_CAM : SALIENCY);
  const after = await subject.memory();
  // After the memory readings: these classify and release other images.
  const gaps = await measureGaps(subject, plan, log);

  const baselineMs = median(baseline);
  const figure = (samples: readonly number[]) => ({ ms: round(median(samples)), ratio: ratio(median(samples), baselineMs) });
  const cam = figure(gradCam);
  const sal = figure(saliency);
  const igs = figure(igMs);
  const field = figure(unitField);
  return {
    backend: context.backend,
    host: context.host,
    preset: plan.preset,
    threads: context.threads,
    rounds: plan.rounds,
    igRounds: plan.igRounds,
    baselineMs: round(baselineMs),
    gradCamLayer,
    gradCamMs: cam.ms,
    gradCamRatio: cam.ratio,
    saliencyMs: sal.ms,
    saliencyRatio: sal.ratio,
    igSteps: plan.igSteps,
    igBaseline: 'black',
    igMs: igs.ms,
    igRatio: igs.ratio,
    igCompletenessGap: Number(gap.toPrecision(3)),
    igBatch: context.igBatch,
    ...forwardFigures(batches, baselineMs, plan.igSteps),
    ...gaps,
    unitLayer: unit.layer,
    unitRow: unit.row,
    unitCol: unit.col,
    unitFieldMs: field.ms,
    unitFieldRatio: field.ratio,
    memory: {
      gradCamSaliencyRequests: camOrSaliency,
      attributions,
      unitFields,
      numTensorsBefore: before.numTensors,
      numTensorsAfter: after.numTensors,
      bytesBefore: before.numBytes,
      bytesAfter: after.numBytes,
      numTensorsGrowth: after.numTensors - before.numTensors,
      bytesGrowth: after.numBytes - before.numBytes,
    },
  };
}
