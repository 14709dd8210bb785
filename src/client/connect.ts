/**
 * Puts the model where the page never freezes: a dedicated Web Worker, with the engine
 * (and tfjs) loaded there only. Where a worker cannot run it (no workers, a worker that
 * will not start, WebGL wanted but impossible inside a worker), the engine is loaded into
 * the page instead, and the backend report says why.
 */
import type { BackendName } from './backend-policy';
import { errorText } from './errors';
import { hostFor, type HostWhy, type WorkerCapabilities } from './host-policy';
import type { FromEngine } from './protocol';
import { readTestSeam } from './test-seam';
import type { ModelClient, StartRequest } from './types';
import { WorkerClient } from './worker-client';

/** A worker that has not said "ready" by then is taken as one that cannot start. */
const WORKER_START_MS = 20_000;

/** The page's WebGL renderer, from a throwaway canvas (the worker has none to probe with). */
export function probeWebGL(): { available: boolean; renderer: string | null } {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return { available: false, renderer: null };
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { available: true, renderer };
}

/** What the browser offers a model worker, probed here; hostFor decides with it. */
function workerCapabilities(): WorkerCapabilities {
  return {
    workers: typeof Worker !== 'undefined',
    offscreenWebGL2: offscreenWebGL2(),
    safari: /^((?!chrome|android|crios|fxios).)*safari/i.test(navigator.userAgent),
  };
}

function offscreenWebGL2(): boolean {
  if (typeof OffscreenCanvas === 'undefined') return false;
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return gl !== null;
  } catch {
    return false;
  }
}

export function startRequest(requested: BackendName | null): StartRequest {
  const probe = probeWebGL();
  const seam = readTestSeam();
  const renderer = probe.available ? (seam.renderer ?? probe.renderer) : probe.renderer;
  return { requested, renderer, webgl: probe.available, ...(seam.cores ? { cores: seam.cores } : {}) };
}

/** Starts the model worker and resolves once it is ready; rejects if it cannot start. */
function startWorker(): Promise<WorkerClient> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('../engine/model.worker.ts', import.meta.url), { type: 'module', name: 'model' });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    const client = new WorkerClient(worker, { terminate: () => worker.terminate() });
    const fail = (why: string) => {
      window.clearTimeout(timer);
      worker.terminate();
      reject(new Error(why));
    };
    const timer = window.setTimeout(() => fail(`it did not start within ${WORKER_START_MS / 1000} s`), WORKER_START_MS);
    const onError = (event: ErrorEvent) => {
      event.preventDefault();
      fail(event.message || 'its script could not be loaded');
    };
    worker.addEventListener('error', onError);
    worker.addEventListener('message', (event: MessageEvent) => {
      const message = event.data as FromEngine;
      if (message.kind !== 'ready') return;
      window.clearTimeout(timer);
      worker.removeEventListener('error', onError);
      watchDeath(client, worker, message.lock);
      resolve(client);
    });
  });
}

/**
 * Notices the worker's end: its life-long lock is granted to the page only once the worker
 * is gone (crash, close, out of memory); where Web Locks are missing, an uncaught error in
 * the worker is taken as its end too (it may be left in any state).
 */
function watchDeath(client: WorkerClient, worker: Worker, lock: string | null): void {
  const stopped = () => client.crashed('The model’s worker stopped unexpectedly (it crashed or ran out of memory).');
  if (lock && navigator.locks) {
    void navigator.locks.request(lock, stopped);
    return;
  }
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    worker.terminate();
    stopped();
  });
}

async function pageClient(why: HostWhy): Promise<ModelClient> {
  // Loaded only now: tfjs stays out of the main bundle even when it has to run here.
  const { createBrowserEngine } = await import('../engine/browser-engine');
  return createBrowserEngine('page', why);
}

/** The model client for this page: a worker when one can run the model, else the page. */
export async function connectModel(request: StartRequest): Promise<ModelClient> {
  const why = hostFor(request, workerCapabilities());
  if (why) return pageClient(why);
  try {
    return await startWorker();
  } catch (err) {
    return pageClient({ code: 'worker-failed', detail: errorText(err) });
  }
}
