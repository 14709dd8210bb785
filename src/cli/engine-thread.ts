/**
 * A Node worker thread serving one model engine over messages, as the browser's model
 * worker does: `--threads N` runs N of these, each with its own model, one image at a time.
 */
import { parentPort } from 'node:worker_threads';
import type { Endpoint } from '../client/protocol';
import { createNodeEngine } from '../engine/node-engine';
import { serveEngine } from '../engine/serve';

if (!parentPort) throw new Error('engine-thread.ts runs as a worker thread');
const port = parentPort;
const endpoint: Endpoint = {
  postMessage: (message, transfer) => port.postMessage(message, transfer as never),
  addEventListener: (_type, listener) => port.on('message', (data: unknown) => listener({ data } as MessageEvent)),
};
serveEngine(endpoint, createNodeEngine());
