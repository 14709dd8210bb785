/**
 * The bench worker: the app's model worker (an Engine served over messages by serveEngine,
 * exactly as src/engine/model.worker.ts does), plus the baseline in the same worker: the
 * same model, weights and backend, timed bare predicts. The page drives the engine through
 * the app's WorkerClient and the baseline through a MessagePort of its own.
 */
import type { Endpoint } from '../../src/client/protocol';
import { createBrowserEngine } from '../../src/engine/browser-engine';
import { serveEngine } from '../../src/engine/serve';
import { createFetchSource } from '../../src/model/weights/source';
import { openBare, type Bare } from '../core/bare';
import type { BenchAnswer, BenchCalls, BenchPortMessage, BenchRequest } from '../core/bench-protocol';

const scope = self as unknown as Endpoint;
serveEngine(scope, createBrowserEngine('worker'));

let bare: Bare | null = null;

async function answer(request: BenchRequest): Promise<number> {
  switch (request.call) {
    case 'open': {
      const [preset, weightsUrl, image] = request.args as BenchCalls['open'];
      bare?.dispose();
      bare = await openBare(preset, createFetchSource(weightsUrl), image);
      return bare.loadMs;
    }
    case 'predict':
      if (!bare) throw new Error('open the bare model first');
      return bare.predict();
    case 'predictBatch':
      if (!bare) throw new Error('open the bare model first');
      return bare.predictBatch((request.args as BenchCalls['predictBatch'])[0]);
    case 'close':
      bare?.dispose();
      bare = null;
      return 0;
  }
}

const { port1, port2 } = new MessageChannel();
port1.onmessage = (event: MessageEvent<BenchRequest>) => {
  const request = event.data;
  answer(request).then(
    (value) => port1.postMessage({ id: request.id, value } satisfies BenchAnswer),
    (err: unknown) => port1.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) } satisfies BenchAnswer),
  );
};
// The WorkerClient ignores a message that answers none of its calls.
scope.postMessage({ kind: 'bench-port', port: port2 } satisfies BenchPortMessage, [port2]);
