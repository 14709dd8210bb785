/**
 * Starting one tfjs backend with a time limit, without letting a start that gave up come
 * back later. tfjs's `setBackend` cannot be cancelled: a WASM start that outlives its limit
 * still finishes, and when it does it installs its backend object under whatever name was
 * chosen since (say WebGL), so WebGL kernels run on the WASM backend and fail with
 * "shouldExecuteOnCPU is not a function". Removing the timed-out backend from tfjs's
 * registry makes its late completion a no-op.
 */
import * as tf from '@tensorflow/tfjs';

export class BackendStartTimeout extends Error {
  constructor(readonly backend: string, ms: number) {
    super(`${backend} did not start within ${ms / 1000} s`);
    this.name = 'BackendStartTimeout';
  }
}

/**
 * `tf.setBackend(name)`, limited to `ms`. Resolves to its result (false: the backend could
 * not initialise); rejects on its error or on the time limit, after which `name` is no
 * longer a backend this page can use.
 */
export function setBackendWithin(name: string, ms: number): Promise<boolean> {
  const earlier = abandoned.get(name);
  if (earlier) return Promise.reject(new Error(`${earlier.message} earlier in this page`));
  return new Promise<boolean>((resolve, reject) => {
    const timer = setTimeout(() => {
      const timeout = new BackendStartTimeout(name, ms);
      abandon(name, timeout);
      reject(timeout);
    }, ms);
    tf.setBackend(name).then(
      (ok) => { clearTimeout(timer); resolve(ok); },
      (err: unknown) => { clearTimeout(timer); reject(err instanceof Error ? err : new Error(String(err))); },
    );
  });
}

/** Backends given up on in this page, and why: asked again, they say so in words. */
const abandoned = new Map<string, BackendStartTimeout>();

function abandon(name: string, why: BackendStartTimeout): void {
  abandoned.set(name, why);
  try {
    tf.removeBackend(name);
  } catch {
    // Already gone: nothing can come back from it.
  }
}
