/** The engine as a browser runs it (in the model worker, or in the page as a fallback). */
import './wasm-paths';
import { createFetchSource } from '../model/weights/source';
import type { ModelHost } from '../client/types';
import { Engine } from './engine';

export function createBrowserEngine(host: ModelHost, hostReason: string | null = null): Engine {
  return new Engine({ host, hostReason, weightsSource: (url, signal) => createFetchSource(url, undefined, signal) });
}
