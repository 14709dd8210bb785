/** Node-only weights source: reads a directory. Never import this from browser code. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { WeightsError } from './errors';
import { parseJsonFile, type WeightsSource } from './source';

async function read(dir: string, name: string): Promise<Buffer> {
  const file = path.join(dir, name);
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new WeightsError('missing-file', name, `Weights file ${name} is missing (looked for ${file}).`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new WeightsError('fetch-failed', name, `Could not read ${file} (${reason}).`);
  }
}

/** Reads files from a directory, e.g. `public/models/resnet50-f16`. */
export function createFsSource(dir: string): WeightsSource {
  return {
    location: dir,
    async readJson(name) {
      return parseJsonFile(name, (await read(dir, name)).toString('utf8'));
    },
    async readBinary(name, onBytes) {
      const bytes = await read(dir, name);
      onBytes?.(bytes.byteLength);
      // A Buffer may be a view into a shared pool: copy out exactly its bytes.
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
}
