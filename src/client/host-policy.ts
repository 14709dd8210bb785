/**
 * Where the model can run, decided from what the browser offers. Pure, so the decision can
 * be tested for browsers this machine does not have (Safari, no workers).
 */
import { planBackends } from './backend-policy';
import type { StartRequest } from './types';

export interface WorkerCapabilities {
  /** `Worker` exists (module workers may still be refused: connect.ts then falls back). */
  readonly workers: boolean;
  /** An OffscreenCanvas gives a WebGL2 context: what tfjs's WebGL backend needs in a worker. */
  readonly offscreenWebGL2: boolean;
  /** tfjs never uses OffscreenCanvas on Safari, so its WebGL cannot run in a worker there. */
  readonly safari: boolean;
}

/** Why the model must run in the page, or null when a worker can take it. */
export function hostFor(request: StartRequest, can: WorkerCapabilities): string | null {
  if (!can.workers) return 'this browser has no Web Workers';
  const plan = planBackends({ available: request.webgl, renderer: request.renderer }, request.requested);
  if (plan.order[0] !== 'webgl') return null;
  if (can.safari) return 'WebGL is the fastest backend here, and this browser cannot run it inside a worker';
  if (!can.offscreenWebGL2) return 'WebGL is the fastest backend here, and this browser cannot run it inside a worker (no OffscreenCanvas with WebGL2)';
  return null;
}
