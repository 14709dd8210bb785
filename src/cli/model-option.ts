/**
 * `--model FILE` (with `--labels FILE`, `--preprocess x255|caffe|torch`, `--input-size N`):
 * a person's own ResNet50 in place of the preset, on every command that runs the network.
 * A tfjs model.json is read with the .bin shards its manifest lists, from its folder.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ModelClient, ModelFile, OpenedModel, PreprocessChoice } from '../client/types';
import { PREPROCESS_CHOICES, type PresetName } from '../model/pure';
import { stringOption, UsageError, type OptionSpec, type ParsedArgs } from './args';

/** The model a command runs: a preset, or a file with how to read it. */
export type ModelSource =
  | { readonly preset: PresetName }
  | { readonly file: string; readonly labels?: string; readonly preprocess?: PreprocessChoice; readonly inputSize?: number };

/** `labels` names the class-names option: `--labels`, or `--class-names` where --labels means the images' labels. */
export function modelOptions(labels: 'labels' | 'class-names' = 'labels'): OptionSpec[] {
  return [
    { name: 'model', takesValue: true },
    { name: labels, takesValue: true },
    { name: 'preprocess', takesValue: true, choices: PREPROCESS_CHOICES },
    { name: 'input-size', takesValue: true },
  ];
}

export const MODEL_USAGE = '[--model FILE [--labels FILE] [--preprocess x255|caffe|torch] [--input-size N]]';

export function modelSource(args: ParsedArgs, preset: PresetName, labels: 'labels' | 'class-names' = 'labels'): ModelSource {
  const file = args.options.get('model');
  if (typeof file !== 'string') {
    for (const name of [labels, 'preprocess', 'input-size']) {
      if (args.options.has(name)) throw new UsageError(`--${name} goes with --model FILE (a preset has its own)`);
    }
    return { preset };
  }
  if (args.options.has('preset')) throw new UsageError('use --model FILE or --preset, not both');
  const size = args.options.get('input-size');
  const inputSize = typeof size === 'string' ? Number(size) : undefined;
  if (inputSize !== undefined && !Number.isInteger(inputSize)) throw new UsageError(`--input-size must be a whole number (got "${String(size)}")`);
  const labelsFile = args.options.has(labels) ? stringOption(args, labels, '') : undefined;
  const preprocess = args.options.has('preprocess') ? (stringOption(args, 'preprocess', 'x255') as PreprocessChoice) : undefined;
  return { file, labels: labelsFile, preprocess, inputSize };
}

async function readModelFile(file: string, shown = file): Promise<ModelFile> {
  try {
    const bytes = await readFile(file);
    return { name: path.basename(shown), bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a model file' : (err as Error).message}`);
  }
}

/** The .bin shards a model.json lists, read from its folder (those missing are left for the reader to name). */
async function shardsOf(modelJson: ModelFile, dir: string): Promise<ModelFile[]> {
  let paths: string[] = [];
  try {
    const json = JSON.parse(new TextDecoder().decode(modelJson.bytes)) as { weightsManifest?: { paths?: unknown }[] };
    paths = (json.weightsManifest ?? []).flatMap((g) => (Array.isArray(g.paths) ? g.paths.filter((p): p is string => typeof p === 'string') : []));
  } catch {
    return [];
  }
  const read = await Promise.allSettled(paths.map((p) => readModelFile(path.join(dir, path.basename(p)))));
  return read.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}

/** Opens the source on a started client (a preset's ImageNet weights from `weightsDir`). */
export async function openSource(client: ModelClient, source: ModelSource, weightsDir: string): Promise<OpenedModel> {
  if ('preset' in source) {
    return client.open({ preset: source.preset, seedLiteral: false, weightsUrl: weightsDir, architectureIfWeightsFail: false });
  }
  const main = await readModelFile(source.file);
  const files = /\.json$/i.test(source.file) ? [main, ...(await shardsOf(main, path.dirname(source.file)))] : [main];
  const labels = source.labels === undefined ? undefined : await readModelFile(source.labels);
  return client.openFiles({ files, labels, preprocess: source.preprocess, inputSize: source.inputSize });
}
