/**
 * The timing loops, shared by the bench page (browser) and the Node run so both measure
 * exactly the same work: the app's own functions, on the same session and input.
 */
import * as tf from '@tensorflow/tfjs';
import { readLayerData, type ModelSession, type Pixels } from '../../src/inspect';
import type { LayerInfo } from '../../src/model';
import { pixelsToInput } from '../../src/model/preprocess';
import { median, ratio, round } from './stats';
import type { CoreFigures, MemoryFigures, PipelineParts, RunPlan } from './types';

export interface Subject {
  readonly session: ModelSession;
  /** Decodes the sample image from its file bytes, as the app does for each image. */
  decode(): Promise<Pixels>;
}

export type Log = (message: string) => void;

interface PipelineSample extends PipelineParts {
  readonly totalMs: number;
}

interface MemoryReading {
  readonly numTensors: number;
  readonly numBytes: number;
}

function reading(): MemoryReading {
  const { numTensors, numBytes } = tf.memory();
  return { numTensors, numBytes };
}

/** The baseline: bare model.predict and reading the 1000 probabilities back. */
export async function timePredict(session: ModelSession, input: tf.Tensor4D): Promise<number> {
  const start = performance.now();
  const probabilities = session.built.model.predict(input) as tf.Tensor;
  await probabilities.data();
  probabilities.dispose();
  return performance.now() - start;
}

/**
 * The app's per-image work: decode, preprocess + the pass that keeps every named layer +
 * top-5 (ModelSession.classify), then the selected layer's data (readLayerData, what the
 * layer inspector asks for).
 */
async function timePipeline(subject: Subject, layer: LayerInfo): Promise<PipelineSample> {
  const t0 = performance.now();
  const image = await subject.decode();
  const t1 = performance.now();
  await subject.session.classify(image, 5);
  const t2 = performance.now();
  await readLayerData(subject.session.inspector, layer);
  const t3 = performance.now();
  return { decodeMs: t1 - t0, classifyMs: t2 - t1, layerDataMs: t3 - t2, totalMs: t3 - t0 };
}

function layerInfo(session: ModelSession, name: string): LayerInfo {
  const info = session.built.layers.find((l) => l.name === name);
  if (!info) throw new Error(`No layer named ${name}`);
  return info;
}

function partsOf(samples: readonly PipelineSample[]): PipelineParts {
  return {
    decodeMs: round(median(samples.map((s) => s.decodeMs))),
    classifyMs: round(median(samples.map((s) => s.classifyMs))),
    layerDataMs: round(median(samples.map((s) => s.layerDataMs))),
  };
}

function memoryFigures(first: MemoryReading, last: MemoryReading, images: number, left: number): MemoryFigures {
  return {
    images,
    numTensorsAfter1: first.numTensors,
    numTensorsAfterLast: last.numTensors,
    bytesAfter1: first.numBytes,
    bytesAfterLast: last.numBytes,
    numTensorsGrowth: last.numTensors - first.numTensors,
    bytesGrowth: last.numBytes - first.numBytes,
    numTensorsLeftAfterDispose: left,
  };
}

/** Preprocessed once, as the baseline's fixed input. The caller disposes it. */
export async function baselineInput(subject: Subject): Promise<tf.Tensor4D> {
  const image = await subject.decode();
  return pixelsToInput(image.pixels, image.width, image.height);
}

/**
 * Everything for one backend. Disposes the session at the end; `tensorsBeforeOpen` is
 * tf.memory().numTensors from before it was opened, for the leak check.
 */
export async function measure(subject: Subject, plan: RunPlan, log: Log, tensorsBeforeOpen: number): Promise<CoreFigures> {
  const { session } = subject;
  const layer = layerInfo(session, plan.layer);
  const input = await baselineInput(subject);
  const firstPredictMs = await timePredict(session, input);
  log(`${plan.backend}: first predict ${Math.round(firstPredictMs)} ms`);
  const first = await timePipeline(subject, layer);
  const afterFirst = reading();
  let images = 1;
  for (let w = 0; w < plan.warmRuns; w += 1, images += 1) {
    await timePredict(session, input);
    await timePipeline(subject, layer);
  }
  const baseline: number[] = [];
  const pipeline: PipelineSample[] = [];
  for (let r = 0; r < plan.rounds; r += 1) {
    baseline.push(await timePredict(session, input));
    pipeline.push(await timePipeline(subject, layer));
    images += 1;
    log(`${plan.backend}: round ${r + 1}/${plan.rounds}: predict ${Math.round(baseline[r])} ms, pipeline ${Math.round(pipeline[r].totalMs)} ms`);
  }
  for (; images < plan.images; images += 1) await timePipeline(subject, layer);
  const afterLast = reading();
  input.dispose();
  session.dispose();
  const left = tf.memory().numTensors - tensorsBeforeOpen;
  const baselineMs = median(baseline);
  const pipelineMs = median(pipeline.map((s) => s.totalMs));
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
    memory: memoryFigures(afterFirst, afterLast, images, left),
  };
}
