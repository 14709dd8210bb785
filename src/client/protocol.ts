/**
 * The messages between the page and the model worker: one call per request id, answered
 * once (a value or an error), with progress on the way for `open` and the attributions. Large typed arrays
 * travel as transferred buffers, never copied.
 */
import type { ErrorData } from './errors';
import type {
  AttributionProgress, AttributionRequest, BackendName, ClientEvent, LoadProgress, OpenRequest, Pixels, StartRequest, LayerScalar,
  UnitRequest, OpenFilesRequest,
} from './types';

/** Progress on the way: loading for `open`, gradients done for `attribute` and `unitField`. */
export type CallProgress = LoadProgress | AttributionProgress;

/** The arguments of each call, as they cross (callbacks and signals stay on the caller's side). */
export interface CallArgs {
  start: [request: StartRequest];
  switchBackend: [order: readonly BackendName[], why: string];
  open: [request: OpenRequest];
  openFiles: [request: OpenFilesRequest];
  classify: [modelId: number, image: Pixels, topK: number, lesion: readonly string[]];
  classifyBatch: [modelId: number, images: readonly Pixels[], topK: number, lesion: readonly string[]];
  release: [resultId: number];
  layer: [resultId: number, name: string];
  layerScalars: [resultId: number, statistic: LayerScalar];
  cam: [resultId: number, classIndex: number];
  networkView: [resultId: number];
  compare: [resultA: number, resultB: number];
  attribute: [resultId: number, request: AttributionRequest];
  unitField: [resultId: number, request: UnitRequest];
  weights: [modelId: number, layer: string];
  memory: [];
  closeModel: [modelId: number];
}

export type Method = keyof CallArgs;

export type ToEngine =
  | { readonly kind: 'call'; readonly id: number; readonly method: Method; readonly args: CallArgs[Method] }
  /** The caller gave up on call `id`: queued work is dropped, a running pass discarded. */
  | { readonly kind: 'abort'; readonly id: number }
  /** The answer to `settle`: everything sent before it has arrived. */
  | { readonly kind: 'settled'; readonly token: number };

export type FromEngine =
  /** The worker is up; `lock` is a Web Lock it holds until it dies (null without Web Locks). */
  | { readonly kind: 'ready'; readonly lock: string | null }
  | { readonly kind: 'result'; readonly id: number; readonly value: unknown }
  | { readonly kind: 'error'; readonly id: number; readonly error: ErrorData }
  | { readonly kind: 'progress'; readonly id: number; readonly progress: CallProgress }
  | { readonly kind: 'event'; readonly event: ClientEvent }
  /** Asks the caller to answer `settled`, to learn of aborts still on their way. */
  | { readonly kind: 'settle'; readonly token: number };

/** Both ends of the channel: a Worker, a worker's global scope, or a MessagePort. */
export interface Endpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/**
 * The buffers of the typed arrays in a message (a few levels deep), each once: they move
 * to the other side instead of being copied. Callers must not use them afterwards.
 */
export function transferablesOf(value: unknown, depth = 3): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const visit = (v: unknown, level: number) => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer && v.buffer.byteLength > 0) found.add(v.buffer);
      return;
    }
    if (level >= depth || typeof v !== 'object' || v === null) return;
    for (const item of Object.values(v)) visit(item, level + 1);
  };
  visit(value, 0);
  return [...found];
}
