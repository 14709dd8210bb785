/**
 * The model worker: owns the tfjs backend, the weights and every tensor, and answers the
 * page's model client over messages. The page's main thread never runs the network.
 */
import type { Endpoint } from '../client/protocol';
import { createBrowserEngine } from './browser-engine';
import { serveEngine } from './serve';

const scope = self as unknown as Endpoint & { postMessage(message: unknown): void };
serveEngine(scope, createBrowserEngine('worker'));

/**
 * A Web Lock held for the worker's whole life: the page asks for the same lock and is
 * granted it only when this worker is gone (crashed, closed, out of memory), which no
 * worker event reports reliably.
 */
const lock = `resnet50-explorer-engine-${crypto.randomUUID()}`;
if (navigator.locks) {
  void navigator.locks.request(lock, () => {
    scope.postMessage({ kind: 'ready', lock });
    return new Promise<never>(() => undefined);
  });
} else {
  scope.postMessage({ kind: 'ready', lock: null });
}
