/**
 * The bench page: the app's own modules (backend start-up, browser decoding, ModelSession,
 * float16 weights over HTTP) timed in the page, one backend per page load.
 */
import * as tf from '@tensorflow/tfjs';
import { startRequest } from '../../src/client/connect';
import { startBackend } from '../../src/engine/backend';
import '../../src/engine/wasm-paths';
import { decodeImageBlob } from '../../src/app/decode-image-browser';
import { ModelSession } from '../../src/inspect';
import { IMAGENET_WEIGHTS } from '../../src/model/weights/descriptor';
import { createFetchSource } from '../../src/model/weights/source';
import { baselineInput, measure, timePredict, type Subject } from '../core/measure';
import type { BenchApi } from '../core/page-api';
import { round } from '../core/stats';
import type { BenchBackend, EngineInfo } from '../core/types';

const SAMPLE_URL = '/samples/chelsea.png';
const WEIGHTS_URL = `/${IMAGENET_WEIGHTS.float16.path}`;

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

interface Opened {
  readonly subject: Subject;
  readonly info: EngineInfo;
  /** tf.memory().numTensors before the session opened. */
  readonly before: number;
}

async function openSubject(name: BenchBackend): Promise<Opened> {
  const backend = await startBackend(startRequest(name));
  if (backend.name !== name) throw new Error(`${name} did not start (${backend.reason})`);
  const before = tf.memory().numTensors;
  const start = performance.now();
  // The app's own loading path, minus its warm-up: the first predict is measured instead.
  const session = await ModelSession.open({ preset: 'imagenet', seedLiteral: false, weights: createFetchSource(WEIGHTS_URL) });
  const loadMs = performance.now() - start;
  const blob = await (await fetch(SAMPLE_URL)).blob();
  const info: EngineInfo = {
    backend: backend.name,
    threads: backend.threads ?? 0,
    softwareRendered: backend.name === 'webgl' && backend.softwareWebGL,
    renderer: backend.renderer ?? 'unknown',
    crossOriginIsolated: globalThis.crossOriginIsolated,
    loadMs: round(loadMs),
  };
  log(`${name}: ${info.threads || 'no'} WASM threads, isolated ${info.crossOriginIsolated}, loaded in ${Math.round(loadMs)} ms`);
  return { subject: { session, decode: () => decodeImageBlob(blob, {}) }, info, before };
}

let predictor: { readonly subject: Subject; readonly input: tf.Tensor4D } | null = null;

const api: BenchApi = {
  async run(plan) {
    const { subject, info, before } = await openSubject(plan.backend);
    return { ...info, ...(await measure(subject, plan, log, before)) };
  },
  async open(backend) {
    const { subject, info } = await openSubject(backend);
    predictor = { subject, input: await baselineInput(subject) };
    return info;
  },
  predict() {
    if (!predictor) throw new Error('open() first');
    return timePredict(predictor.subject.session, predictor.input);
  },
};

window.bench = api;
