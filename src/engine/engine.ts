/**
 * The model client implemented in this thread: the backend, the weights and every tensor
 * live here. The browser runs it inside the model worker (served over messages by
 * serve.ts) or, as a fallback, in the page; Node and the tests run it directly.
 */
import * as tf from '@tensorflow/tfjs';
import { readLayerData } from '../inspect/layer-data';
import { readableLabel } from '../inspect/labels';
import { previewBytes, resizeImage } from '../model/preprocess';
import type { WeightsSource } from '../model/weights/source';
import type { BackendName } from '../client/backend-policy';
import type { HostWhy } from '../client/host-policy';
import { abortError, errorText, throwIfAborted } from '../client/errors';
import type {
  AttributeOptions, Attribution, AttributionRequest, BackendReport, BatchClassified, BatchOptions, Classified, ClassifyOptions, ClientEvent, Comparison, LayerData,
  LayerScalar, LayerValues, LayerWeights, MemoryReading, ModelClient, ModelHost, NetworkView, OpenedModel, OpenOptions, OpenRequest,
  Pixels, StartRequest, UnitField, UnitRequest, OpenFilesRequest, OpenedFileModel,
} from '../client/types';
import { openFileSession } from './open-files';
import { startBackend, switchBackend, watchContextLoss, type ActiveBackend } from './backend';
import { openModel, type OpenSession } from './open-model';
import { attribute, unitFieldOf, type HeldImage } from '../explain/attribute';
import { lesionedPlan, lesionForward, lesionHead } from '../explain/lesion';
import { checkLesion } from '../explain/lesion-blocks';
import { predictBatch } from '../inspect/batch-predict';
import { compareCaptures } from '../inspect/compare';
import { readLayerWeights } from '../inspect/layer-weights';
import { planResNet50, type LayerInfo, type ResNetConfig } from '../model';

export interface EngineOptions {
  readonly host: ModelHost;
  readonly hostReason?: string | null;
  /** The same as data, for the page to say in its language. */
  readonly hostWhy?: HostWhy | null;
  /** Where the weights under `url` are read from: fetch in a browser, the file system in Node. */
  readonly weightsSource: (url: string, signal?: AbortSignal) => WeightsSource;
}

/** An image's activations held for the page, until it releases them. */
interface HeldResult {
  readonly modelId: number;
  readonly view: NetworkView;
  /** The blocks switched off for this pass (empty: the intact network). */
  readonly lesion: readonly string[];
}

/**
 * At most this many images' activations per model (the one on show, the one arriving, and
 * one to spare): a client that forgets to release cannot fill the memory.
 */
const MAX_HELD = 3;

export class Engine implements ModelClient {
  readonly host: ModelHost;
  private active: ActiveBackend | null = null;
  private started: Promise<BackendReport> | null = null;
  private readonly models = new Map<number, OpenSession>();
  /** Held images, by result id, oldest first. */
  private readonly held = new Map<number, HeldResult>();
  private readonly listeners = new Set<(event: ClientEvent) => void>();
  private unwatch: () => void = () => undefined;
  /** Passes run one at a time, in the order asked. */
  private passes: Promise<unknown> = Promise.resolve();
  private nextModel = 1;
  private nextResult = 1;

  constructor(private readonly options: EngineOptions) {
    this.host = options.host;
  }

  start(request: StartRequest): Promise<BackendReport> {
    this.started ??= startBackend(request).then((active) => this.activate(active));
    return this.started;
  }

  /** Waits for the passes under way: a pass still reading from the old backend must not meet the new one. */
  switchBackend(order: readonly BackendName[], why: string): Promise<BackendReport> {
    const next = this.passes.then(async () => {
      const from = this.active;
      if (!from) throw new Error('No backend has started yet');
      this.closeAll();
      this.active = null;
      return this.activate(await switchBackend(order, why, from));
    });
    this.passes = next.catch(() => undefined);
    return next;
  }

  private activate(active: ActiveBackend): BackendReport {
    this.active = active;
    this.unwatch();
    this.unwatch = watchContextLoss(() => this.emit({ type: 'context-lost' }));
    return { ...active, host: this.host, hostReason: this.options.hostReason ?? null, hostWhy: this.options.hostWhy ?? null };
  }

  async open(request: OpenRequest, options: OpenOptions = {}): Promise<OpenedModel> {
    if (!this.active) throw new Error('Start a backend before opening a model');
    throwIfAborted(options.signal);
    const source = (signal?: AbortSignal) => this.options.weightsSource(request.weightsUrl, signal);
    return this.register(await openModel(request, source, options));
  }

  /** Queued behind the passes under way, like any work that runs the network. */
  openFiles(request: OpenFilesRequest, options: OpenOptions = {}): Promise<OpenedFileModel> {
    if (!this.active) return Promise.reject(new Error('Start a backend before opening a model'));
    return this.enqueue(async () => {
      throwIfAborted(options.signal);
      const { session, origin } = await openFileSession(request, options);
      const opened = this.register({ session, failure: null, failureWhy: null });
      return { ...opened, summary: { ...opened.summary, name: origin.name }, origin };
    });
  }

  private register(opened: OpenSession): OpenedModel {
    const modelId = this.nextModel++;
    this.models.set(modelId, opened);
    const { session } = opened;
    return {
      modelId,
      summary: session.summary,
      canClassify: opened.failure === null,
      failure: opened.failure,
      failureWhy: opened.failureWhy,
      trained: session.trained,
      inputSize: session.built.config.inputShape[0],
      labels: session.inspector.labels.map(readableLabel),
    };
  }

  classify(modelId: number, image: Pixels, options: ClassifyOptions = {}): Promise<Classified> {
    return this.enqueue(() => this.runPass(modelId, image, options));
  }

  classifyBatch(modelId: number, images: readonly Pixels[], { topK = 5, lesion = [], signal }: BatchOptions = {}): Promise<BatchClassified> {
    return this.enqueue(async () => {
      const { session, failure } = this.model(modelId);
      if (failure !== null) throw new Error(`This model cannot classify: ${failure}`);
      throwIfAborted(signal);
      const off = checkLesion(session.built.config, lesion);
      const start = performance.now();
      const predictions = await predictBatch(session, images, topK, off.length > 0 ? lesionHead(session.built, off) : undefined);
      throwIfAborted(signal);
      return { predictions, ms: performance.now() - start, lesion: off };
    });
  }

  /** Work that runs the network runs one at a time, in the order asked. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const pass = this.passes.then(work);
    this.passes = pass.catch(() => undefined);
    return pass;
  }

  private async runPass(modelId: number, image: Pixels, { topK = 5, signal, settle, lesion = [] }: ClassifyOptions): Promise<Classified> {
    const { session, failure } = this.model(modelId);
    if (failure !== null) throw new Error(`This model cannot classify: ${failure}`);
    throwIfAborted(signal);
    const off = checkLesion(session.built.config, lesion);
    // The same layer objects with the branches left out: no weight is copied or rebuilt.
    const forward = off.length > 0 ? lesionForward(session.built, off) : undefined;
    // A pass replaces the activations the page is showing: keep it only if still wanted.
    const keep = async () => {
      await settle?.();
      return !signal?.aborted && this.models.get(modelId)?.session === session;
    };
    // The image is resized once, for the network's view and for the pass; the view is read
    // first, so that the activations and their id appear together.
    const size = session.built.config.inputShape[0];
    const resized = resizeImage(image.pixels, image.width, image.height, size);
    const resultId = this.nextResult++;
    let data: Uint8ClampedArray;
    let run: Awaited<ReturnType<typeof session.classify>>;
    try {
      data = await previewBytes(resized);
      run = await session.classifyResized(resized, topK, { keep, id: resultId, forward });
    } finally {
      resized.dispose();
    }
    if (!run.kept) throw abortError();
    this.held.set(resultId, { modelId, view: { size, data }, lesion: off });
    this.evictBeyond(modelId);
    return { resultId, modelId, predictions: run.predictions, ms: run.ms, image, lesion: off };
  }

  private evictBeyond(modelId: number): void {
    const mine = [...this.held.entries()].filter(([, r]) => r.modelId === modelId).map(([id]) => id);
    for (const id of mine.slice(0, Math.max(0, mine.length - MAX_HELD))) void this.release(id);
  }

  async release(resultId: number): Promise<void> {
    const result = this.held.get(resultId);
    if (!result) return;
    this.held.delete(resultId);
    this.models.get(result.modelId)?.session.inspector.release(resultId);
  }

  async layer(resultId: number, name: string): Promise<LayerData> {
    const { session, lesion } = this.result(resultId);
    const info = session.built.layers.find((l) => l.name === name);
    // The input layer reads as the image the network was given (preprocessed), like any layer.
    if (!info) throw new Error(`There is no layer named “${name}” in this model`);
    const computed = lesion.length > 0 ? lesionedInfo(session.built.config, info, lesion) : info;
    return readLayerData(session.inspector, computed, resultId);
  }

  async layerScalars(resultId: number, statistic: LayerScalar): Promise<Readonly<Record<string, number>>> {
    const values = await this.result(resultId).session.inspector.layerScalars(statistic, resultId);
    return Object.fromEntries(values);
  }

  async cam(resultId: number, classIndex: number): Promise<LayerValues> {
    return this.result(resultId).session.inspector.cam(classIndex, resultId);
  }

  /** Queued behind the passes before it; an abort drops it before it starts or between its batches. */
  attribute(resultId: number, request: AttributionRequest, options: AttributeOptions = {}): Promise<Attribution> {
    return this.enqueue(async () => {
      throwIfAborted(options.signal);
      return attribute(this.heldImage(resultId), request, options);
    });
  }

  unitField(resultId: number, request: UnitRequest, options: AttributeOptions = {}): Promise<UnitField> {
    return this.enqueue(async () => {
      throwIfAborted(options.signal);
      return unitFieldOf(this.heldImage(resultId), request);
    });
  }

  private heldImage(resultId: number): HeldImage {
    const { session, lesion } = this.result(resultId);
    // The gradients recompute the intact network from the input: they would explain another network.
    if (lesion.length > 0) throw new Error(`Attributions explain the intact network; this image ran with ${lesion.join(', ')} switched off`);
    const { built, inspector, preprocessing } = session;
    return { built, labels: inspector.labels, preprocessing, activation: (name) => inspector.activation(name, resultId) };
  }

  /** A read, like `layer`: not queued behind the passes. */
  async compare(resultA: number, resultB: number): Promise<Comparison> {
    const [a, b] = [this.result(resultA), this.result(resultB)];
    if (a.modelId !== b.modelId) throw new Error('Only two images of the same model can be compared');
    return compareCaptures(a.session.inspector, resultA, resultB);
  }

  async networkView(resultId: number): Promise<NetworkView> {
    const { view } = this.result(resultId);
    // A copy: the original stays here for the next read, and the copy may be transferred.
    return { size: view.size, data: view.data.slice() };
  }

  /** A read of the model's own variables: not queued behind the passes, no tensor made. */
  async weights(modelId: number, layer: string): Promise<LayerWeights> {
    return readLayerWeights(this.model(modelId).session, layer);
  }

  async memory(): Promise<MemoryReading> {
    if (!this.active) return { numTensors: 0, numBytes: 0 };
    const { numTensors, numBytes } = tf.memory();
    return { numTensors, numBytes };
  }

  async closeModel(modelId: number): Promise<void> {
    this.models.get(modelId)?.session.dispose();
    this.models.delete(modelId);
    for (const [id, result] of this.held) if (result.modelId === modelId) this.held.delete(id);
  }

  onEvent(listener: (event: ClientEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.closeAll();
    this.unwatch();
    this.listeners.clear();
  }

  private closeAll(): void {
    for (const id of [...this.models.keys()]) void this.closeModel(id);
  }

  private emit(event: ClientEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        console.error(`model client listener failed: ${errorText(err)}`);
      }
    }
  }

  private model(modelId: number): OpenSession {
    const model = this.models.get(modelId);
    if (!model) throw new Error('That model was closed (another preset or backend was chosen)');
    return model;
  }

  /** The model and held image of a result that is still held. */
  private result(resultId: number): OpenSession & HeldResult {
    const held = this.held.get(resultId);
    if (!held) throw new Error('That image’s activations are gone: they were released, or their model was closed');
    return { ...this.model(held.modelId), ...held };
  }
}

/** A layer as a lesioned pass computed it: a switched-off block's add has the shortcut as its only input. */
function lesionedInfo(config: ResNetConfig, info: LayerInfo, lesion: readonly string[]): LayerInfo {
  return lesionedPlan(planResNet50(config).layers, new Set(lesion)).find((l) => l.name === info.name) ?? info;
}
