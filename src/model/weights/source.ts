/**
 * Where weight files come from. The browser reads them over HTTP (`createFetchSource`);
 * Node reads a directory (`createFsSource` in source-node.ts, kept apart so that browser
 * bundles never import `fs`).
 */
import { WeightsError } from './errors';

export interface WeightsSource {
  /** Where the files are, for messages: a base URL or a directory. */
  readonly location: string;
  /** Reads and parses a JSON file (model.json, labels.json). */
  readJson(name: string): Promise<unknown>;
  /** Reads a binary file; `onBytes` is called with each chunk's size as it arrives. */
  readBinary(name: string, onBytes?: (bytes: number) => void): Promise<ArrayBuffer>;
}

/** Parses JSON text, telling an HTML page apart from a broken file. */
export function parseJsonFile(name: string, text: string): unknown {
  if (text.trimStart().startsWith('<')) {
    throw new WeightsError('not-json', name,
      `${name} is a web page, not JSON: the server sent something else in its place.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new WeightsError('not-json', name, `${name} is not valid JSON (${reason}).`);
  }
}

function joinUrl(base: string, name: string): string {
  return base.endsWith('/') ? `${base}${name}` : `${base}/${name}`;
}

async function request(fetchImpl: typeof fetch, url: string, name: string, signal?: AbortSignal): Promise<Response> {
  signal?.throwIfAborted();
  let response: Response;
  try {
    response = await fetchImpl(url, signal ? { signal } : undefined);
  } catch (error) {
    if (signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new WeightsError('fetch-failed', name, `Could not download ${name} from ${url} (${reason}).`);
  }
  if (response.status === 404) {
    throw new WeightsError('missing-file', name, `Weights file ${name} is missing (${url} answered 404).`);
  }
  if (!response.ok) {
    throw new WeightsError('fetch-failed', name,
      `Could not download ${name}: ${url} answered ${response.status} ${response.statusText}.`, undefined, response.status);
  }
  return response;
}

async function readBody(response: Response, onBytes?: (bytes: number) => void): Promise<ArrayBuffer> {
  if (response.body === null) {
    const buffer = await response.arrayBuffer();
    onBytes?.(buffer.byteLength);
    return buffer;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
    onBytes?.(value.byteLength);
  }
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined.buffer;
}

/**
 * Reads files below a base URL, e.g. `/models/resnet50-f16/`. Aborting `signal` (nobody
 * wants the model any more) stops every download in flight; reads then reject with the
 * abort's error, not a WeightsError.
 */
export function createFetchSource(baseUrl: string, fetchImpl: typeof fetch = globalThis.fetch, signal?: AbortSignal): WeightsSource {
  const fetchBound: typeof fetch = (input, init) => fetchImpl(input, init);
  return {
    location: baseUrl,
    async readJson(name) {
      const response = await request(fetchBound, joinUrl(baseUrl, name), name, signal);
      return parseJsonFile(name, await response.text());
    },
    async readBinary(name, onBytes) {
      const response = await request(fetchBound, joinUrl(baseUrl, name), name, signal);
      return readBody(response, onBytes);
    },
  };
}
