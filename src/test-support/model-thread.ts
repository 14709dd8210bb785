/**
 * A Node worker thread that serves the model engine over messages, as the browser's model
 * worker does: the contract suite's way to run the WorkerClient against a real second thread.
 */
import { parentPort } from 'node:worker_threads';
import type { Endpoint } from '../client/protocol';
import { createNodeEngine } from '../engine/node-engine';
import { serveEngine } from '../engine/serve';

if (!parentPort) throw new Error('model-thread.ts runs as a worker thread');
const port = parentPort;
const endpoint: Endpoint = {
  postMessage: (message, transfer) => port.postMessage(message, transfer as never),
  addEventListener: (_type, listener) => port.on('message', (data: unknown) => listener({ data } as MessageEvent)),
};
serveEngine(endpoint, createNodeEngine());
