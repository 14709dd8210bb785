/**
 * The model client that talks to an engine over messages (the model worker in a browser, a
 * MessagePort in tests). No tfjs here: the page's main bundle holds only this side.
 */
import { abortError, EngineCrashedError, fromErrorData } from './errors';
import { transferablesOf, type CallArgs, type CallProgress, type Endpoint, type FromEngine, type Method } from './protocol';
import type {
  AttributeOptions, Attribution, AttributionRequest, BackendName, BackendReport, BatchClassified, BatchOptions, Classified, ClassifyOptions,
  ClientEvent, Comparison,
  LayerData, LayerScalar, LayerValues, LayerWeights, MemoryReading, ModelClient, NetworkView, OpenedModel, OpenOptions, OpenRequest,
  Pixels, StartRequest, UnitField, UnitRequest, OpenFilesRequest, OpenedFileModel,
} from './types';

/** A call's options on this side: its abort signal and the progress listener of its kind. */
interface CallOptions {
  readonly signal?: AbortSignal;
  /** Each method's listener takes its own kind of progress (the engine sends only that kind). */
  readonly onProgress?: (progress: never) => void;
  /** Buffers to move to the engine besides the typed arrays found in the arguments. */
  readonly transfer?: readonly ArrayBuffer[];
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (progress: CallProgress) => void;
}

export interface WorkerClientOptions {
  /** Ends the engine (Worker.terminate); called once by dispose(). */
  readonly terminate?: () => void;
}

export class WorkerClient implements ModelClient {
  readonly host = 'worker' as const;
  private readonly pending = new Map<number, Pending>();
  /** Calls the caller gave up on: what the engine still makes for them is freed on arrival. */
  private readonly abandoned = new Map<number, Method>();
  private readonly listeners = new Set<(event: ClientEvent) => void>();
  private nextId = 1;
  private dead: EngineCrashedError | null = null;

  constructor(private readonly endpoint: Endpoint, private readonly options: WorkerClientOptions = {}) {
    endpoint.addEventListener('message', (event) => this.receive(event.data as FromEngine));
  }

  start(request: StartRequest): Promise<BackendReport> {
    return this.call('start', [request]) as Promise<BackendReport>;
  }

  switchBackend(order: readonly BackendName[], why: string): Promise<BackendReport> {
    return this.call('switchBackend', [order, why]) as Promise<BackendReport>;
  }

  open(request: OpenRequest, options: OpenOptions = {}): Promise<OpenedModel> {
    return this.call('open', [request], options) as Promise<OpenedModel>;
  }

  /** The files' buffers are transferred to the engine (the caller's become empty), not copied. */
  openFiles(request: OpenFilesRequest, options: OpenOptions = {}): Promise<OpenedFileModel> {
    const transfer = [...new Set([...request.files, ...(request.labels ? [request.labels] : [])].map((f) => f.bytes))];
    return this.call('openFiles', [request], { ...options, transfer }) as Promise<OpenedFileModel>;
  }

  /** The pixels' buffer is transferred to the engine; the answer brings it back in `image`. */
  classify(modelId: number, image: Pixels, options: ClassifyOptions = {}): Promise<Classified> {
    const args: CallArgs['classify'] = [modelId, image, options.topK ?? 5, options.lesion ?? []];
    return this.call('classify', args, { signal: options.signal }) as Promise<Classified>;
  }

  /** Every image's pixel buffer is transferred to the engine and not handed back. */
  classifyBatch(modelId: number, images: readonly Pixels[], options: BatchOptions = {}): Promise<BatchClassified> {
    const args: CallArgs['classifyBatch'] = [modelId, images, options.topK ?? 5, options.lesion ?? []];
    return this.call('classifyBatch', args, { signal: options.signal }) as Promise<BatchClassified>;
  }

  async release(resultId: number): Promise<void> {
    if (this.dead) return;
    await this.call('release', [resultId]);
  }

  layer(resultId: number, name: string): Promise<LayerData> {
    return this.call('layer', [resultId, name]) as Promise<LayerData>;
  }

  layerScalars(resultId: number, statistic: LayerScalar): Promise<Readonly<Record<string, number>>> {
    return this.call('layerScalars', [resultId, statistic]) as Promise<Readonly<Record<string, number>>>;
  }

  cam(resultId: number, classIndex: number): Promise<LayerValues> {
    return this.call('cam', [resultId, classIndex]) as Promise<LayerValues>;
  }

  networkView(resultId: number): Promise<NetworkView> {
    return this.call('networkView', [resultId]) as Promise<NetworkView>;
  }

  compare(resultA: number, resultB: number): Promise<Comparison> {
    return this.call('compare', [resultA, resultB]) as Promise<Comparison>;
  }

  attribute(resultId: number, request: AttributionRequest, options: AttributeOptions = {}): Promise<Attribution> {
    return this.call('attribute', [resultId, request], options) as Promise<Attribution>;
  }

  unitField(resultId: number, request: UnitRequest, options: AttributeOptions = {}): Promise<UnitField> {
    return this.call('unitField', [resultId, request], { signal: options.signal }) as Promise<UnitField>;
  }

  weights(modelId: number, layer: string): Promise<LayerWeights> {
    return this.call('weights', [modelId, layer]) as Promise<LayerWeights>;
  }

  memory(): Promise<MemoryReading> {
    return this.call('memory', []) as Promise<MemoryReading>;
  }

  async closeModel(modelId: number): Promise<void> {
    if (this.dead) return;
    await this.call('closeModel', [modelId]);
  }

  onEvent(listener: (event: ClientEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The engine is gone: every pending call fails, and listeners hear `crashed` once. */
  crashed(message: string): void {
    if (this.dead) return;
    this.dead = new EngineCrashedError(message);
    for (const pending of this.pending.values()) pending.reject(this.dead);
    this.pending.clear();
    this.emit({ type: 'crashed', message });
  }

  dispose(): void {
    if (!this.dead) this.dead = new EngineCrashedError('This model client was disposed');
    for (const pending of this.pending.values()) pending.reject(this.dead);
    this.pending.clear();
    this.listeners.clear();
    this.options.terminate?.();
  }

  private call<M extends Method>(method: M, args: CallArgs[M], options: CallOptions = {}): Promise<unknown> {
    if (this.dead) return Promise.reject(this.dead);
    const { signal } = options;
    const onProgress = options.onProgress as ((progress: CallProgress) => void) | undefined;
    if (signal?.aborted) return Promise.reject(abortError());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        // The engine drops the call if it has not started, or discards its result; the
        // caller has given up, so it hears of it now.
        this.endpoint.postMessage({ kind: 'abort', id }, []);
        this.pending.get(id)?.reject(abortError());
        this.pending.delete(id);
        this.abandoned.set(id, method);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (value) => { done(); resolve(value); },
        reject: (error) => { done(); reject(error); },
        onProgress,
      });
      this.endpoint.postMessage({ kind: 'call', id, method, args }, [...new Set([...transferablesOf(args), ...(options.transfer ?? [])])]);
    });
  }

  private receive(message: FromEngine): void {
    if (message.kind === 'event') return this.emit(message.event);
    if (message.kind === 'ready') return;
    if (message.kind === 'settle') return this.endpoint.postMessage({ kind: 'settled', token: message.token }, []);
    const pending = this.pending.get(message.id);
    if (!pending) return this.settleAbandoned(message);
    if (message.kind === 'progress') return pending.onProgress?.(message.progress);
    this.pending.delete(message.id);
    if (message.kind === 'result') pending.resolve(message.value);
    else pending.reject(fromErrorData(message.error));
  }

  /** An answer to a call given up on: a model or an image made anyway is freed at once. */
  private settleAbandoned(message: FromEngine): void {
    if (message.kind !== 'result' && message.kind !== 'error') return;
    const method = this.abandoned.get(message.id);
    this.abandoned.delete(message.id);
    if (message.kind !== 'result') return;
    const value = message.value as Partial<OpenedModel & Classified>;
    if ((method === 'open' || method === 'openFiles') && value.modelId !== undefined) void this.closeModel(value.modelId).catch(() => undefined);
    if (method === 'classify' && value.resultId !== undefined) void this.release(value.resultId).catch(() => undefined);
  }

  private emit(event: ClientEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
