/**
 * `predict --model FILE --input X.npy --npy OUT.npy [--json]`: for engineers checking a
 * conversion. An already preprocessed float32 batch (N x H x W x 3) runs through the file's
 * network as it is (no resizing, no preprocessing) and its output (N x classes) is written.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { openModelFiles } from '../formats/open';
import type { ModelFileInput } from '../formats/types';
import { decodeNpy, encodeNpy } from '../inspect/npy';
import { loadArchive } from '../model/file-model/load';
import { flag, parseArgs, stringOption, UsageError, type OptionSpec } from './args';
import type { CommandOutput } from './classify-command';
import { writeOutput } from './output-file';

export const PREDICT_USAGE =
  '  predict --model FILE --input X.npy [--npy OUT.npy] [--json]    run a preprocessed float32 batch (N x H x W x 3) as it is';

const OPTIONS: readonly OptionSpec[] = [
  { name: 'model', takesValue: true },
  { name: 'input', takesValue: true },
  { name: 'npy', takesValue: true },
  { name: 'json', takesValue: false },
];

async function read(file: string): Promise<ModelFileInput> {
  try {
    const bytes = await readFile(file);
    return { name: path.basename(file), bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
  } catch (err) {
    throw new Error(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

/** model.json with the shards its manifest lists, from its folder. */
async function modelFiles(file: string): Promise<ModelFileInput[]> {
  const main = await read(file);
  if (!/\.json$/i.test(file)) return [main];
  const json = JSON.parse(new TextDecoder().decode(main.bytes)) as { weightsManifest?: { paths?: string[] }[] };
  const paths = (json.weightsManifest ?? []).flatMap((g) => g.paths ?? []);
  const shards = await Promise.allSettled(paths.map((p) => read(path.join(path.dirname(file), path.basename(p)))));
  return [main, ...shards.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))];
}

async function inputBatch(file: string): Promise<{ shape: number[]; values: Float32Array }> {
  const { bytes } = await read(file);
  let batch;
  try {
    batch = decodeNpy(new Uint8Array(bytes));
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
  const [n, h, w, c] = batch.shape;
  if (batch.shape.length !== 4 || c !== 3 || h !== w || n < 1) {
    throw new Error(`${file}: holds an array of shape (${batch.shape.join(', ')}); predict takes N x H x W x 3 with H = W`);
  }
  return batch;
}

export async function runPredict(argv: readonly string[]): Promise<CommandOutput> {
  const args = parseArgs(argv, OPTIONS);
  const modelFile = stringOption(args, 'model', '');
  const inputFile = stringOption(args, 'input', '');
  if (!modelFile || !inputFile) throw new UsageError('predict needs --model FILE and --input X.npy');
  if (args.positionals.length > 0) throw new UsageError(`predict takes no other arguments (got "${args.positionals[0]}")`);
  const batch = await inputBatch(inputFile);
  // WASM, as the engine runs: the CPU backend takes seconds per full-size image.
  await tf.setBackend('wasm');
  const archive = await openModelFiles(await modelFiles(modelFile));
  let loaded;
  try {
    // A file that fixes its input size must match the batch; a weights-only one takes the batch's.
    loaded = loadArchive(archive, { inputSize: batch.shape[1] });
  } finally {
    archive.close();
  }
  const { model } = loaded.built;
  try {
    const output = tf.tidy(() => model.predict(tf.tensor4d(batch.values, batch.shape as [number, number, number, number])) as tf.Tensor);
    const shape = output.shape;
    const values = (await output.data()) as Float32Array;
    output.dispose();
    const npy = args.options.get('npy');
    if (typeof npy === 'string') await writeOutput(npy, encodeNpy(values, shape));
    const rows = Array.from({ length: shape[0] }, (_, i) => Array.from(values.subarray(i * (values.length / shape[0]), (i + 1) * (values.length / shape[0]))));
    const text = `${modelFile} on ${inputFile}: output (${shape.join(', ')})${typeof npy === 'string' ? `, written to ${npy}` : ''}`;
    return { stdout: flag(args, 'json') ? JSON.stringify({ shape, outputs: rows }) : text, errors: [] };
  } finally {
    model.dispose();
  }
}
