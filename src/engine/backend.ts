/**
 * Initialises the tfjs backend the policy picks, wherever the engine runs (a worker, the
 * page, Node). The WebGL probe comes from the page: it is the page that decides where the
 * engine lives, and a worker has no DOM canvas to probe with.
 */
import * as tf from '@tensorflow/tfjs';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgl';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { planBackends, STARTUP_FAILURE, type BackendName, type BackendWhy, type StartFailure, type WebGLProbe } from '../client/backend-policy';
import { errorText } from '../client/errors';
import type { BackendReport, StartRequest } from '../client/types';
import { setBackendWithin } from './backend-start';

/** The backend that came up: the client's report, less where the engine runs (the engine adds that). */
export type ActiveBackend = Omit<BackendReport, 'host' | 'hostReason' | 'hostWhy'>;

/** A backend that neither starts nor fails (a blocked worker, say) must not hang the page. */
const START_TIMEOUT_MS = 30_000;

/** Tries `order` in turn; the first backend that initialises becomes tfjs's backend. */
async function startFirst(order: readonly BackendName[], reasonWhy: { why: string; words: BackendWhy }, probe: WebGLProbe, softwareWebGL: boolean): Promise<ActiveBackend> {
  const failures: string[] = [];
  const startFailures: StartFailure[] = [];
  for (const name of order) {
    try {
      if (await setBackendWithin(name, START_TIMEOUT_MS)) {
        const { why, words } = reasonWhy;
        const reason = failures.length ? `${why}; ${failures.join('; ')}` : why;
        const threads = name === 'wasm' ? getThreadsCount() : null;
        return { name, reason, why: words, softwareWebGL, renderer: probe.renderer, failures, startFailures, threads };
      }
      failures.push(`${name} could not start (${STARTUP_FAILURE[name]})`);
      startFailures.push({ backend: name, cause: 'no-start', detail: STARTUP_FAILURE[name] });
    } catch (err) {
      failures.push(`${name} failed: ${errorText(err)}`);
      startFailures.push({ backend: name, cause: 'error', detail: errorText(err) });
    }
  }
  throw new Error(`No TensorFlow.js backend could start (${failures.join('; ')})`);
}

/**
 * Tries the planned backends in order; the first that initialises becomes tfjs's backend.
 * Call once per thread (the engine does): two starts interleaved inside tfjs left its
 * backend name and its backend object disagreeing, and WebGL kernels ran on WASM
 * ("n.runWebGLProgram is not a function").
 */
export function startBackend(request: StartRequest): Promise<ActiveBackend> {
  const probe: WebGLProbe = { available: request.webgl, renderer: request.renderer };
  const plan = planBackends(probe, request.requested);
  // Test seam (client/test-seam.ts): the machine's core count, as tfjs will read it.
  if (request.cores) Object.defineProperty(navigator, 'hardwareConcurrency', { value: request.cores, configurable: true });
  return startFirst(plan.order, { why: plan.reason, words: plan.why }, probe, plan.softwareWebGL);
}

/**
 * Leaves the current backend without reloading the page (after a lost WebGL context or a
 * GPU failure): the next of `order` that starts takes over. Tensors made on the old
 * backend stay there until disposed; the caller re-opens its model on the new one.
 */
export async function switchBackend(order: readonly BackendName[], why: string, from: ActiveBackend): Promise<ActiveBackend> {
  return startFirst(order, { why, words: { code: 'switched' } }, { available: from.renderer !== null, renderer: from.renderer }, from.softwareWebGL);
}

/**
 * Calls `onLost` when the WebGL context tfjs computes with is lost (driver reset, GPU out of
 * memory, too many contexts). Without this, runs on a lost context quietly return zeros.
 * Returns the unsubscribe function; a no-op unless WebGL is the current backend.
 */
export function watchContextLoss(onLost: () => void): () => void {
  if (tf.getBackend() !== 'webgl') return () => undefined;
  let canvas: { addEventListener(type: string, f: () => void): void; removeEventListener(type: string, f: () => void): void };
  try {
    canvas = (tf.backend() as MathBackendWebGL).gpgpu.gl.canvas;
  } catch {
    // tfjs throws here while another backend's start is still pending: better no loss watch
    // than a page that unmounts itself.
    return () => undefined;
  }
  const handler = () => onLost();
  canvas.addEventListener('webglcontextlost', handler);
  return () => canvas.removeEventListener('webglcontextlost', handler);
}
