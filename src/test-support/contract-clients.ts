/**
 * What the model client's contract suites share (contract*.test.ts in src/engine): the three
 * ways to reach an engine (directly, over a MessagePort, over a real Node worker thread, with
 * structured cloning and transfers), the SIGNS preset request, and a test card to classify.
 */
import { Worker } from 'node:worker_threads';
import type { Endpoint } from '../client/protocol';
import { WorkerClient } from '../client/worker-client';
import type { ModelClient, Pixels } from '../client/types';
import { createNodeEngine } from '../engine/node-engine';
import { serveEngine } from '../engine/serve';

/** A 64 x 64 RGBA test card: a bright square on a dark ground, different in every run's seed. */
export function card(seed = 1): Pixels {
  const side = 64;
  const pixels = new Uint8ClampedArray(side * side * 4);
  for (let i = 0; i < side * side; i++) {
    const [x, y] = [i % side, Math.floor(i / side)];
    const inside = x > 16 && x < 48 && y > 16 && y < 48;
    pixels.set([inside ? 230 : (x * seed) % 64, inside ? 200 : y, 40 * seed, 255], i * 4);
  }
  return { pixels, width: side, height: side };
}

export interface Implementation {
  readonly name: string;
  make(): ModelClient;
  /** True when pixels handed in are transferred (the caller's copy is emptied). */
  readonly transfers: boolean;
}

export const IMPLEMENTATIONS: readonly Implementation[] = [
  { name: 'in-process engine', make: () => createNodeEngine(), transfers: false },
  {
    name: 'worker client over messages',
    make: () => {
      const { port1, port2 } = new MessageChannel();
      serveEngine(port2, createNodeEngine());
      port1.start();
      port2.start();
      return new WorkerClient(port1, { terminate: () => { port1.close(); port2.close(); } });
    },
    transfers: true,
  },
  {
    name: 'worker client over a Node worker thread',
    make: () => {
      const thread = new Worker(new URL('./model-thread.mjs', import.meta.url));
      const endpoint: Endpoint = {
        postMessage: (message, transfer) => thread.postMessage(message, transfer as never),
        addEventListener: (_type, listener) => thread.on('message', (data: unknown) => listener({ data } as MessageEvent)),
      };
      return new WorkerClient(endpoint, { terminate: () => void thread.terminate() });
    },
    transfers: true,
  },
];

export const SIGNS = { preset: 'signs', seedLiteral: false, weightsUrl: 'unused' } as const;
