/** Options the experiment commands share: the preset, the blocks to switch off, quiet, JSON. */
import { checkLesion } from '../explain/lesion-blocks';
import { presetConfig, PRESET_NAMES, type PresetName } from '../model/pure';
import { stringOption, UsageError, type OptionSpec, type ParsedArgs } from './args';
import { countOption } from './image-set';

export const EXPERIMENT_OPTIONS: readonly OptionSpec[] = [
  { name: 'preset', takesValue: true, choices: PRESET_NAMES },
  { name: 'json', takesValue: false },
  { name: 'quiet', takesValue: false },
];

/** `--threads N`: images run on N engines at once, each in its own thread (default 1). */
export const THREADS_OPTION: OptionSpec = { name: 'threads', takesValue: true };

export function threadsOption(args: ParsedArgs): number {
  return countOption(args.options.get('threads'), 'threads', 1);
}

/** `--batch N`: N images in one forward pass (default 1); it pays where one image leaves the CPU's threads idle. */
export const BATCH_OPTION: OptionSpec = { name: 'batch', takesValue: true };

export function batchOption(args: ParsedArgs): number {
  const n = countOption(args.options.get('batch'), 'batch', 1);
  if (n > 64) throw new UsageError(`--batch must be at most 64 (got ${n}): a batch holds every image's activations of a layer at once`);
  return n;
}

export function presetOption(args: ParsedArgs): PresetName {
  return stringOption(args, 'preset', 'imagenet') as PresetName;
}

/** `--lesion res2a,res3b`, checked against the preset's blocks before any weight is read. */
export function lesionOption(args: ParsedArgs): string[] {
  const value = args.options.get('lesion');
  if (value === undefined) return [];
  const names = String(value).split(',').map((s) => s.trim()).filter(Boolean);
  try {
    return checkLesion(presetConfig(presetOption(args)), names);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}
