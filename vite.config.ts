import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { DEV_HEADERS, SECURITY_HEADERS, embedOrigins, embeddingHeaders } from './build/headers.ts';
import { wasmThreads } from './build/wasm-threads.ts';
import { i18nCatalogues } from './build/i18n-catalogues.ts';

// EMBED_ORIGINS="https://course.example.edu" lets those sites frame the app (README: Embed it in a course page).
const embedding = embedOrigins(process.env.EMBED_ORIGINS);

export default defineConfig({
  plugins: [react(), wasmThreads(), i18nCatalogues()],
  server: { port: 5173, headers: { ...embeddingHeaders(embedding, DEV_HEADERS) } },
  preview: { port: 4173, strictPort: true, headers: { ...embeddingHeaders(embedding, SECURITY_HEADERS) } },
  // The model worker is an ES module worker with its own bundle (tfjs lives only there).
  worker: { format: 'es', plugins: () => [wasmThreads()] },
  build: {
    target: 'es2022',
    // tfjs is large by nature; one chunk for it keeps the app's own code small.
    chunkSizeWarningLimit: 4000,
  },
  optimizeDeps: {
    exclude: ['@tensorflow/tfjs-backend-wasm'],
  },
});
