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

/** Why the model runs in the page, as data: the page says it in its language (`diag.host.*`). */
export type HostWhy =
  | { readonly code: 'no-workers' }
  | { readonly code: 'safari-webgl' }
  | { readonly code: 'no-offscreen-webgl' }
  /** A worker was tried and did not start: `detail` is its error. */
  | { readonly code: 'worker-failed'; readonly detail: string };

/** The same in English, as the report's `hostReason` carries it. */
export function hostWhyText(why: HostWhy): string {
  switch (why.code) {
    case 'no-workers':
      return 'this browser has no Web Workers';
    case 'safari-webgl':
      return 'WebGL is the fastest backend here, and this browser cannot run it inside a worker';
    case 'no-offscreen-webgl':
      return 'WebGL is the fastest backend here, and this browser cannot run it inside a worker (no OffscreenCanvas with WebGL2)';
    case 'worker-failed':
      return `the model’s Web Worker could not start (${why.detail})`;
  }
}

/** Why the model must run in the page, or null when a worker can take it. */
export function hostFor(request: StartRequest, can: WorkerCapabilities): HostWhy | null {
  if (!can.workers) return { code: 'no-workers' };
  const plan = planBackends({ available: request.webgl, renderer: request.renderer }, request.requested);
  if (plan.order[0] !== 'webgl') return null;
  if (can.safari) return { code: 'safari-webgl' };
  if (!can.offscreenWebGL2) return { code: 'no-offscreen-webgl' };
  return null;
}
