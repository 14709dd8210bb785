/**
 * Serves a model client over messages (the worker side of client/worker-client.ts): every
 * call runs on `engine`, answers once, and transfers the typed arrays it returns.
 */
import { toErrorData } from '../client/errors';
import { transferablesOf, type CallArgs, type CallProgress, type Endpoint, type Method, type ToEngine } from '../client/protocol';
import type { ModelClient } from '../client/types';

interface Context {
  readonly signal: AbortSignal;
  readonly onProgress: (progress: CallProgress) => void;
  readonly settle: () => Promise<void>;
}

type Dispatch = { [M in Method]: (engine: ModelClient, args: CallArgs[M], context: Context) => Promise<unknown> };

const DISPATCH: Dispatch = {
  start: (e, [request]) => e.start(request),
  switchBackend: (e, [order, why]) => e.switchBackend(order, why),
  open: (e, [request], { signal, onProgress }) => e.open(request, { signal, onProgress }),
  openFiles: (e, [request], { signal, onProgress }) => e.openFiles(request, { signal, onProgress }),
  classify: (e, [modelId, image, topK, lesion], { signal, settle }) => e.classify(modelId, image, { topK, lesion, signal, settle }),
  classifyBatch: (e, [modelId, images, topK, lesion], { signal }) => e.classifyBatch(modelId, images, { topK, lesion, signal }),
  release: (e, [resultId]) => e.release(resultId),
  layer: (e, [resultId, name]) => e.layer(resultId, name),
  layerScalars: (e, [resultId, statistic]) => e.layerScalars(resultId, statistic),
  cam: (e, [resultId, classIndex]) => e.cam(resultId, classIndex),
  networkView: (e, [resultId]) => e.networkView(resultId),
  compare: (e, [resultA, resultB]) => e.compare(resultA, resultB),
  attribute: (e, [resultId, request], { signal, onProgress }) => e.attribute(resultId, request, { signal, onProgress }),
  unitField: (e, [resultId, request], { signal }) => e.unitField(resultId, request, { signal }),
  weights: (e, [modelId, layer]) => e.weights(modelId, layer),
  memory: (e) => e.memory(),
  closeModel: (e, [modelId]) => e.closeModel(modelId),
};

function call<M extends Method>(engine: ModelClient, method: M, args: CallArgs[M], context: Context): Promise<unknown> {
  const run = DISPATCH[method] as Dispatch[M];
  return run(engine, args, context);
}

export function serveEngine(endpoint: Endpoint, engine: ModelClient): void {
  const aborts = new Map<number, AbortController>();
  const post = (message: unknown, transfer: ArrayBuffer[] = []) => endpoint.postMessage(message, transfer);
  const settling = new Map<number, () => void>();
  let nextToken = 1;
  // Messages arrive in order: once the caller answers, every abort it sent before has come.
  const settle = () => new Promise<void>((resolve) => {
    const token = nextToken++;
    settling.set(token, resolve);
    post({ kind: 'settle', token });
  });
  engine.onEvent((event) => post({ kind: 'event', event }));
  endpoint.addEventListener('message', (message: MessageEvent) => {
    const request = message.data as ToEngine;
    if (request.kind === 'abort') return aborts.get(request.id)?.abort();
    if (request.kind === 'settled') {
      settling.get(request.token)?.();
      settling.delete(request.token);
      return;
    }
    const { id, method, args } = request;
    const controller = new AbortController();
    aborts.set(id, controller);
    const onProgress = (progress: CallProgress) => post({ kind: 'progress', id, progress });
    const fail = (err: unknown) => post({ kind: 'error', id, error: toErrorData(err) });
    call(engine, method, args, { signal: controller.signal, onProgress, settle })
      .then((value) => {
        // An answer that cannot be posted (a buffer already gone, say) still answers, as an error.
        try {
          post({ kind: 'result', id, value }, transferablesOf(value));
        } catch (err) {
          fail(err);
        }
      }, fail)
      .finally(() => aborts.delete(id));
  });
}
