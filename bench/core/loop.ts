/**
 * The timing loops, shared by the bench worker's page (browser) and the Node run so both
 * measure exactly the same work: the app's per-image work through a model client (the
 * WorkerClient over messages in the browser, the Engine in-process in Node) against a bare
 * predict in the thread the engine runs in (the worker, or Node's one thread). No tfjs here.
 */
import type { MemoryReading, ModelClient, Pixels } from '../../src/client/types';
import { median, ratio, round } from './stats';
import type { CoreFigures, MemoryFigures, PipelineParts, RunPlan, WorkerMemoryFigures } from './types';

export type Log = (message: string) => void;

export interface PipelineSample extends PipelineParts {
  readonly totalMs: number;
}

/** What the loop drives: both sides already open, warm or not, on the same backend. */
export interface LoopSubject {
  /** One bare `model.predict` + reading the probabilities back + dispose, timed where it runs. */
  predict(): Promise<number>;
  /** The app's whole per-image work, timed by the caller of the client. */
  pipeline(): Promise<PipelineSample>;
  /** tf.memory() where the tensors live (inside the worker in a browser). */
  memory(): Promise<MemoryReading>;
}

/**
 * The app's per-image work through `client`: decode the file's bytes to RGBA (where the
 * app decodes: the page), classify (preprocess, the pass that keeps every named layer,
 * top-5, the network's view kept), then what the page asks for once the result is shown:
 * the selected layer's data and the network's view of the input, asked together. The
 * result before is released, as the app's queue releases the one it replaces.
 */
export function clientPipeline(client: ModelClient, modelId: number, decode: () => Promise<Pixels>, layer: string): () => Promise<PipelineSample> {
  /** The result on show: let go once the next one has come, as the app's queue does. */
  let shown: number | null = null;
  return async () => {
    const t0 = performance.now();
    const image = await decode();
    const t1 = performance.now();
    const run = await client.classify(modelId, image, { topK: 5 });
    if (shown !== null) void client.release(shown);
    shown = run.resultId;
    const t2 = performance.now();
    await Promise.all([client.layer(run.resultId, layer), client.networkView(run.resultId)]);
    const t3 = performance.now();
    return { decodeMs: t1 - t0, classifyMs: t2 - t1, passMs: run.ms, layerDataMs: t3 - t2, totalMs: t3 - t0 };
  };
}

function partsOf(samples: readonly PipelineSample[]): PipelineParts {
  return {
    decodeMs: round(median(samples.map((s) => s.decodeMs))),
    classifyMs: round(median(samples.map((s) => s.classifyMs))),
    passMs: round(median(samples.map((s) => s.passMs))),
    layerDataMs: round(median(samples.map((s) => s.layerDataMs))),
  };
}

/** Two memory readings, image 1 and the last: what they hold and how much they grew. */
export function growthFigures(first: MemoryReading, last: MemoryReading, images: number): WorkerMemoryFigures {
  return {
    images,
    numTensorsAfter1: first.numTensors,
    numTensorsAfterLast: last.numTensors,
    bytesAfter1: first.numBytes,
    bytesAfterLast: last.numBytes,
    numTensorsGrowth: last.numTensors - first.numTensors,
    bytesGrowth: last.numBytes - first.numBytes,
  };
}

export function memoryFigures(first: MemoryReading, last: MemoryReading, images: number, left: number): MemoryFigures {
  return { ...growthFigures(first, last, images), numTensorsLeftAfterDispose: left };
}

/** Every figure; `numTensorsLeftAfterDispose` is 0 here: the caller fills it in once it has closed both sides. */
export type LoopFigures = CoreFigures;

/**
 * The first bare predict (`firstPredictMs`, measured by the caller on a fresh model), the
 * first pipeline run, `warmRuns` untimed pairs, then `rounds` timed rounds, one bare
 * predict and one pipeline run each, alternated so that a change in the machine's load
 * hits both; then more images, up to `plan.images`, for the memory figures.
 */
export async function measureLoop(subject: LoopSubject, plan: RunPlan, firstPredictMs: number, log: Log): Promise<LoopFigures> {
  const first = await subject.pipeline();
  const afterFirst = await subject.memory();
  let images = 1;
  for (let w = 0; w < plan.warmRuns; w += 1, images += 1) {
    await subject.predict();
    await subject.pipeline();
  }
  const baseline: number[] = [];
  const pipeline: PipelineSample[] = [];
  for (let r = 0; r < plan.rounds; r += 1) {
    baseline.push(await subject.predict());
    pipeline.push(await subject.pipeline());
    images += 1;
    log(`${plan.backend}: round ${r + 1}/${plan.rounds}: predict ${Math.round(baseline[r])} ms, pipeline ${Math.round(pipeline[r].totalMs)} ms`);
  }
  for (; images < plan.images; images += 1) await subject.pipeline();
  const afterLast = await subject.memory();
  const baselineMs = median(baseline);
  const pipelineMs = median(pipeline.map((s) => s.totalMs));
  const memory = memoryFigures(afterFirst, afterLast, images, 0);
  return {
    rounds: plan.rounds,
    baselineMs: round(baselineMs),
    pipelineMs: round(pipelineMs),
    ratio: ratio(pipelineMs, baselineMs),
    firstPredictMs: round(firstPredictMs),
    warmPredictMs: round(baselineMs),
    warmUpRatio: ratio(firstPredictMs, baselineMs),
    firstPipelineMs: round(first.totalMs),
    parts: partsOf(pipeline),
    memory,
  };
}
