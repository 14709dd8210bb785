/**
 * Two contained changes to tfjs-backend-wasm 4.22, made at build time, so that its
 * threaded build works from a Vite bundle and uses two threads on a 2-core machine.
 * Nothing else on the page changes.
 *
 * 1. Pool size. The backend sizes its thread pool at half of navigator.hardwareConcurrency
 *    (at most 4): one thread on a 2-core machine, although a pool of two runs ResNet50
 *    about 1.4x faster there. Only inside that module, the core count it reads becomes at
 *    least 4, up to twice the real count: 2 cores get a pool of two, 1 core stays at one,
 *    4 or more are unchanged.
 * 2. Worker script. tfjs starts each worker from the factory's own source text
 *    (`factory.toString()`). Once bundled and minified, that text refers to names outside
 *    the function and fails in the worker ("e is not defined"). The workers instead load
 *    the package's original, unbundled script, emitted as a file of its own.
 *
 * Threads still need cross-origin isolation (COOP/COEP, see headers.ts); without it tfjs
 * falls back to its single-threaded build by itself.
 */
import type { Plugin } from 'vite';

const FACTORY = /tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;
const BACKEND = /tfjs-backend-wasm[\\/]dist[\\/]backend_wasm\.js$/;

const CORES = 'return navigator["hardwareConcurrency"]';
const CORES_PATCHED =
  'return Math.max(navigator["hardwareConcurrency"], Math.min(4, 2 * navigator["hardwareConcurrency"]))';

const WORKER_BLOB = /new Blob\(\[`var WasmBackendModuleThreadedSimd = ` \+\s*wasmFactoryThreadedSimd\.toString\(\)\], \{ type: 'text\/javascript' \}\)/;
const WORKER_URL_IMPORT =
  "import threadedWorkerScriptUrl from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js?url';\n";

function cleanId(id: string): string {
  return id.split('?')[0];
}

export function wasmThreads(): Plugin {
  return {
    name: 'resnet50-explorer:wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('?')) return null;
      const file = cleanId(id);
      if (FACTORY.test(file)) {
        if (!code.includes(CORES)) this.error('tfjs-backend-wasm changed: the pool-size patch no longer applies');
        return { code: code.replace(CORES, CORES_PATCHED), map: null };
      }
      if (BACKEND.test(file)) {
        if (!WORKER_BLOB.test(code)) this.error('tfjs-backend-wasm changed: the worker-script patch no longer applies');
        // Workers start from blob: URLs, where only an absolute URL resolves.
        const absolute = 'new URL(threadedWorkerScriptUrl, self.location.href).href';
        return { code: WORKER_URL_IMPORT + code.replace(WORKER_BLOB, absolute), map: null };
      }
      return null;
    },
  };
}
