/**
 * The bench page's own Vite build: the app's plugins (two WASM threads, in the worker too)
 * and headers, the app's src/ modules, no public/ copy (the bench server serves public/ from where it is).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { SECURITY_HEADERS } from '../build/headers.ts';
import { wasmThreads } from '../build/wasm-threads.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./page'),
  publicDir: false,
  logLevel: 'warn',
  plugins: [wasmThreads()],
  // The bench worker is a module worker with its own bundle, as the app's model worker is.
  worker: { format: 'es', plugins: () => [wasmThreads()] },
  preview: { headers: { ...SECURITY_HEADERS } },
  build: {
    outDir: here('./out/page'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  optimizeDeps: {
    exclude: ['@tensorflow/tfjs-backend-wasm'],
  },
});
