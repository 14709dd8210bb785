/**
 * The bench page: the app's model client (WorkerClient) talking to a bench worker that
 * serves the app's Engine exactly as the model worker does, and that also holds the
 * baseline (the same model, bare predicts) in the same worker. Decoding runs here, on the
 * page, as in the app. No tfjs on this page: like the app's main bundle, it only talks.
 */
import { startRequest } from '../../src/client/connect';
import { WorkerClient } from '../../src/client/worker-client';
import type { BackendReport, ModelClient, Pixels } from '../../src/client/types';
import { decodeImageBlob } from '../../src/app/decode-image-browser';
import { IMAGENET_WEIGHTS } from '../../src/model/weights/descriptor';
import { presetConfig } from '../../src/model/pure';
import { batchSize } from '../../src/explain/batch-size';
import type { BenchAnswer, BenchCall, BenchCalls, BenchPortMessage } from '../core/bench-protocol';
import { measureAttribution } from '../core/attribution-loop';
import { measureExperiments } from '../core/experiments-loop';
import { curveDrawer } from './curve-drawer';
import { clientPipeline, measureLoop } from '../core/loop';
import type { BenchApi } from '../core/page-api';
import { round } from '../core/stats';
import type { AttributionPlan, BenchBackend, EngineInfo, ExperimentPlan, RunPlan } from '../core/types';

const SAMPLE_URL = '/samples/chelsea.png';

async function samplePixels(url: string): Promise<Pixels> {
  return decodeImageBlob(await (await fetch(url)).blob(), {});
}
/** As the app asks for it (src/app/use-model.ts): float16, a folder URL. */
const WEIGHTS_URL = `/${IMAGENET_WEIGHTS.float16.path}`;

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

interface BenchWorker {
  readonly client: ModelClient;
  call<C extends BenchCall>(call: C, ...args: BenchCalls[C]): Promise<number>;
}

/** Starts the bench worker; resolves once its baseline port has arrived. */
function startWorker(): Promise<BenchWorker> {
  const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module', name: 'bench-model' });
  const client = new WorkerClient(worker, { terminate: () => worker.terminate() });
  return new Promise((resolve, reject) => {
    worker.addEventListener('error', (event) => reject(new Error(`the bench worker failed: ${event.message}`)));
    worker.addEventListener('message', (event: MessageEvent) => {
      const message = event.data as BenchPortMessage;
      if (message.kind !== 'bench-port') return;
      const { port } = message;
      const waiting = new Map<number, { resolve(v: number): void; reject(e: Error): void }>();
      let nextId = 1;
      port.onmessage = (answer: MessageEvent<BenchAnswer>) => {
        const data = answer.data;
        const pending = waiting.get(data.id);
        waiting.delete(data.id);
        if ('error' in data) pending?.reject(new Error(data.error));
        else pending?.resolve(data.value);
      };
      resolve({
        client,
        call: (call, ...args) => new Promise((res, rej) => {
          const id = nextId++;
          waiting.set(id, { resolve: res, reject: rej });
          port.postMessage({ id, call, args });
        }),
      });
    });
  });
}

function infoOf(report: BackendReport, loadMs: number): EngineInfo {
  return {
    backend: report.name,
    threads: report.threads ?? 0,
    softwareRendered: report.name === 'webgl' && report.softwareWebGL,
    renderer: report.renderer ?? 'unknown',
    crossOriginIsolated: globalThis.crossOriginIsolated,
    host: report.host,
    preset: 'imagenet',
    loadMs: round(loadMs),
  };
}

interface Opened {
  readonly worker: BenchWorker;
  readonly info: EngineInfo;
  readonly decode: () => Promise<Pixels>;
  /** Tensors in the worker once the backend is up, before either model opened. */
  readonly before: number;
}

/** The backend (through the client, as the app starts it), then the bare model in the same worker. */
async function openBackend(name: BenchBackend, preset: RunPlan['preset']): Promise<Opened> {
  const worker = await startWorker();
  const report = await worker.client.start(startRequest(name));
  if (report.name !== name) throw new Error(`${name} did not start (${report.reason})`);
  if (report.host !== 'worker') throw new Error(`the engine runs in the ${report.host}, not in a worker`);
  const before = (await worker.client.memory()).numTensors;
  const blob = await (await fetch(SAMPLE_URL)).blob();
  const decode = () => decodeImageBlob(blob, {});
  const loadMs = await worker.call('open', preset, WEIGHTS_URL, await decode());
  const info = { ...infoOf(report, loadMs), preset };
  log(`${name}: in a worker, ${info.threads || 'no'} WASM threads, isolated ${info.crossOriginIsolated}, loaded in ${Math.round(loadMs)} ms`);
  return { worker, info, decode, before };
}

let predictor: BenchWorker | null = null;

const api: BenchApi = {
  async run(plan) {
    const { worker, info, decode, before } = await openBackend(plan.backend, plan.preset);
    const { client } = worker;
    // The first bare predict, on a model nothing has run yet (on WebGL: shaders compile here).
    const firstPredictMs = await worker.call('predict');
    log(`${plan.backend}: first predict ${Math.round(firstPredictMs)} ms`);
    // The app's own open, minus its warm-up: the first pipeline run is measured instead.
    const model = await client.open({ preset: plan.preset, seedLiteral: false, weightsUrl: WEIGHTS_URL, warmUp: false });
    if (!model.canClassify) throw new Error(`the engine could not load the weights: ${model.failure}`);
    const figures = await measureLoop({
      predict: () => worker.call('predict'),
      pipeline: clientPipeline(client, model.modelId, decode, plan.layer),
      memory: () => client.memory(),
    }, plan, firstPredictMs, log);
    await client.closeModel(model.modelId);
    await worker.call('close');
    const left = (await client.memory()).numTensors - before;
    client.dispose();
    return { ...info, ...figures, memory: { ...figures.memory, numTensorsLeftAfterDispose: left } };
  },
  async attribution(plan: AttributionPlan) {
    const { worker, info } = await openBackend(plan.backend, plan.preset);
    const { client } = worker;
    const model = await client.open({ preset: plan.preset, seedLiteral: false, weightsUrl: WEIGHTS_URL, warmUp: false });
    if (!model.canClassify) throw new Error(`the engine could not load the weights: ${model.failure}`);
    const unitLayer = model.summary.layers.find((l) => l.name === plan.unitLayer);
    if (!unitLayer || unitLayer.outputShape.length !== 3) throw new Error(`${plan.unitLayer} is not a spatial layer of ${plan.preset}`);
    // One held image, as the page's "Why it decided" panel explains the image on show.
    const { resultId } = await client.classify(model.modelId, await samplePixels(SAMPLE_URL), { topK: 5 });
    const figures = await measureAttribution({
      predict: () => worker.call('predict'),
      predictBatch: (batch) => worker.call('predictBatch', batch),
      async gapOn(image, request) {
        const run = await client.classify(model.modelId, await samplePixels(`/samples/${image}`), { topK: 1 });
        try {
          return (await client.attribute(run.resultId, request)).completenessGap ?? Number.NaN;
        } finally {
          await client.release(run.resultId);
        }
      },
      attribute: (request) => client.attribute(resultId, request),
      unitField: (request) => client.unitField(resultId, request),
      memory: () => client.memory(),
    }, plan, {
      backend: info.backend, host: info.host, threads: info.threads,
      unitMap: [unitLayer.outputShape[0], unitLayer.outputShape[1]],
      igBatch: batchSize(presetConfig(plan.preset, { seedLiteral: false })),
    }, log);
    await client.closeModel(model.modelId);
    await worker.call('close');
    client.dispose();
    return figures;
  },
  async experiments(plan: ExperimentPlan) {
    const { worker, info, decode } = await openBackend(plan.backend, plan.preset);
    const { client } = worker;
    const model = await client.open({ preset: plan.preset, seedLiteral: false, weightsUrl: WEIGHTS_URL, warmUp: false });
    if (!model.canClassify) throw new Error(`the engine could not load the weights: ${model.failure}`);
    const draw = curveDrawer(model.summary, plan.curveWidth);
    const figures = await measureExperiments({
      predict: () => worker.call('predict'),
      classify: async (lesion) => (await client.classify(model.modelId, await decode(), { topK: 5, lesion })).resultId,
      release: (id) => client.release(id),
      compare: (a, b) => client.compare(a, b),
      draw,
    }, plan, { backend: info.backend, host: info.host, threads: info.threads }, log);
    draw.unmount();
    await client.closeModel(model.modelId);
    await worker.call('close');
    client.dispose();
    return figures;
  },
  async open(backend) {
    const { worker, info } = await openBackend(backend, 'imagenet');
    predictor = worker;
    return info;
  },
  predict() {
    if (!predictor) throw new Error('open() first');
    return predictor.call('predict');
  },
};

window.bench = api;
