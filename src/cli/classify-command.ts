import path from 'node:path';
import { flag, parseArgs, stringOption, UsageError, type OptionSpec } from './args';
import { runImageFile, startEngine } from './engine';
import { modelOptions, modelSource } from './model-option';
import type { OpenedFileModel, Prediction } from '../client/types';
import { isImageInputError, PRESET_NAMES, type PresetName } from '../model/pure';

export const CLASSIFY_OPTIONS: readonly OptionSpec[] = [
  { name: 'top', takesValue: true },
  { name: 'json', takesValue: false },
  { name: 'preset', takesValue: true, choices: PRESET_NAMES },
  ...modelOptions(),
];

export interface CommandOutput {
  readonly stdout: string;
  /** Per-file problems: one line each. A non-empty list makes the exit code non-zero. */
  readonly errors: readonly string[];
  /** Lines for stderr that leave the exit code alone (files a long run counted and went past). */
  readonly warnings?: readonly string[];
}

/** One line naming the file; decoder messages that already name it are kept as they are. */
export function describeFileError(file: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return isImageInputError(err) && message.includes(path.basename(file)) ? message : `${file}: ${message}`;
}

function parseTop(value: string): number {
  const k = Number(value);
  if (!Number.isInteger(k) || k < 1 || k > 1000) throw new UsageError(`--top must be a whole number from 1 to 1000 (got "${value}")`);
  return k;
}

function formatTop(file: string, top: readonly Prediction[]): string {
  const width = Math.max(...top.map((p) => p.label.length));
  const lines = top.map((p, i) => `  ${i + 1}. ${p.label.padEnd(width)}  ${(p.probability * 100).toFixed(1).padStart(5)}%`);
  return [file, ...lines].join('\n');
}

export async function runClassify(argv: readonly string[]): Promise<CommandOutput> {
  const args = parseArgs(argv, CLASSIFY_OPTIONS);
  const topK = parseTop(stringOption(args, 'top', '5'));
  if (args.positionals.length === 0) throw new UsageError('classify needs at least one image file');
  const engine = await startEngine(modelSource(args, stringOption(args, 'preset', 'imagenet') as PresetName));
  const noClasses = 'origin' in engine.model ? (engine.model as OpenedFileModel).origin.noClasses : null;
  if (noClasses) {
    engine.dispose();
    throw new Error(noClasses);
  }
  const start = performance.now();
  const results: { file: string; top: Prediction[] }[] = [];
  const errors: string[] = [];
  try {
    for (const file of args.positionals) {
      try {
        const { predictions } = await runImageFile(engine, file, topK);
        results.push({ file, top: [...predictions] });
      } catch (err) {
        errors.push(describeFileError(file, err));
      }
    }
  } finally {
    engine.dispose();
  }
  const ms = Math.round(performance.now() - start);
  const stdout = flag(args, 'json')
    ? JSON.stringify({ results, backend: engine.backend, ms })
    : results.map((r) => formatTop(r.file, r.top)).join('\n\n');
  return { stdout, errors };
}
