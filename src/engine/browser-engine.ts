/** The engine as a browser runs it (in the model worker, or in the page as a fallback). */
import './wasm-paths';
import { createFetchSource } from '../model/weights/source';
import { hostWhyText, type HostWhy } from '../client/host-policy';
import type { ModelHost } from '../client/types';
import { Engine } from './engine';

export function createBrowserEngine(host: ModelHost, hostWhy: HostWhy | null = null): Engine {
  const hostReason = hostWhy && hostWhyText(hostWhy);
  return new Engine({ host, hostReason, hostWhy, weightsSource: (url, signal) => createFetchSource(url, undefined, signal) });
}
