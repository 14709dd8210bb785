/**
 * `--threads N`: N engines, each in its own worker thread with its own copy of the model
 * (about 100 MB of weights each), fed one image at a time as each finishes. One thread is
 * the CLI's own in-process engine. WASM on Node runs one thread per engine, so N engines use
 * N cores; there is nothing to gain beyond the machine's cores.
 */
import { Worker } from 'node:worker_threads';
import type { Endpoint } from '../client/protocol';
import { WorkerClient } from '../client/worker-client';
import type { Pixels } from '../client/types';
import type { PresetName } from '../model/pure';
import { openSource, type ModelSource } from './model-option';
import { describeFileError } from './classify-command';
import { startEngine, WEIGHTS_DIR, type CliEngine } from './engine';
import { decodeImageFile } from '../model/image/decode-node';

async function threadEngine(source: ModelSource): Promise<CliEngine> {
  const thread = new Worker(new URL('./engine-thread.mjs', import.meta.url));
  const endpoint: Endpoint = {
    postMessage: (message, transfer) => thread.postMessage(message, transfer as never),
    addEventListener: (_type, listener) => thread.on('message', (data: unknown) => listener({ data } as MessageEvent)),
  };
  const client = new WorkerClient(endpoint, { terminate: () => void thread.terminate() });
  try {
    const { name } = await client.start({ requested: null, renderer: null, webgl: false });
    // Each thread reads the file itself: its buffers move to that thread.
    const model = await openSource(client, source, WEIGHTS_DIR);
    return { client, model, backend: name, dispose: () => client.dispose() };
  } catch (err) {
    client.dispose();
    throw err;
  }
}

/** `threads` engines with the model open; one is the in-process engine. */
export async function startEngines(preset: PresetName | ModelSource, threads: number): Promise<CliEngine[]> {
  if (threads === 1) return [await startEngine(preset)];
  const source = typeof preset === 'string' ? { preset } : preset;
  const started = await Promise.allSettled(Array.from({ length: threads }, () => threadEngine(source)));
  const engines = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) {
    for (const engine of engines) engine.dispose();
    throw failure.reason;
  }
  return engines;
}

/**
 * Decodes each file once and hands the pixels of up to `size` files at a time to `each` on
 * the next free engine; a file that cannot be read is named in `failed` (in the files'
 * order) and the rest go on. `onDone` is called once per file.
 */
export async function forEachBatchOn(
  engines: readonly CliEngine[],
  files: readonly string[],
  size: number,
  each: (engine: CliEngine, files: readonly string[], images: readonly Pixels[]) => Promise<void>,
  onDone: () => void,
): Promise<string[]> {
  const failed = new Map<number, string>();
  let next = 0;
  await Promise.all(engines.map(async (engine) => {
    while (next < files.length) {
      const taken = files.slice(next, next + size).map((file, i) => ({ file, at: next + i }));
      next += taken.length;
      const read: { file: string; image: Pixels }[] = [];
      for (const { file, at } of taken) {
        try {
          read.push({ file, image: await decodeImageFile(file) });
        } catch (err) {
          failed.set(at, describeFileError(file, err));
        }
      }
      if (read.length > 0) await each(engine, read.map((r) => r.file), read.map((r) => r.image));
      for (let i = 0; i < taken.length; i++) onDone();
    }
  }));
  return [...failed.entries()].sort(([a], [b]) => a - b).map(([, message]) => message);
}

/** forEachBatchOn one file at a time. */
export function forEachImageOn(
  engines: readonly CliEngine[],
  files: readonly string[],
  each: (engine: CliEngine, file: string, image: Pixels) => Promise<void>,
  onDone: () => void,
): Promise<string[]> {
  return forEachBatchOn(engines, files, 1, (engine, [file], [image]) => each(engine, file, image), onDone);
}
