import { flag, parseArgs, stringOption, UsageError, type OptionSpec } from './args';
import type { CommandOutput } from './classify-command';
import { checkLayerName, runImageFile, startEngine } from './engine';
import { modelOptions, modelSource } from './model-option';
import { encodeNpy } from '../inspect/npy';
import { PRESET_NAMES, type PresetName } from '../model/pure';
import { writeOutput } from './output-file';
import type { TensorStats } from '../client/types';

export const INSPECT_OPTIONS: readonly OptionSpec[] = [
  { name: 'layer', takesValue: true },
  { name: 'json', takesValue: false },
  { name: 'npy', takesValue: true },
  { name: 'preset', takesValue: true, choices: PRESET_NAMES },
  ...modelOptions(),
];

function formatStats(file: string, layer: string, s: TensorStats): string {
  const n = (x: number) => x.toPrecision(5);
  const peak = Math.max(...s.histogram.counts);
  const bars = s.histogram.counts.map((c, i) => `  ${n(s.histogram.edges[i]).padStart(12)} ${'#'.repeat(Math.round((40 * c) / peak))} ${c}`);
  return [
    `${file} -> ${layer} (${s.shape.join(' x ')})`,
    `min ${n(s.min)}  max ${n(s.max)}  mean ${n(s.mean)}  std ${n(s.std)}  zeros ${(s.zeroFraction * 100).toFixed(1)}%`,
    'histogram:',
    ...bars,
  ].join('\n');
}

export async function runInspect(argv: readonly string[]): Promise<CommandOutput> {
  const args = parseArgs(argv, INSPECT_OPTIONS);
  const layer = args.options.get('layer');
  if (typeof layer !== 'string') throw new UsageError('inspect needs --layer NAME (e.g. --layer res2a_branch2a)');
  if (args.positionals.length !== 1) throw new UsageError('inspect takes exactly one image file');
  const [file] = args.positionals;
  const source = modelSource(args, stringOption(args, 'preset', 'imagenet') as PresetName);
  // A preset's names are known before any weight is read; a file's once it is open.
  if ('preset' in source) checkLayerName(layer, undefined, source.preset);
  const engine = await startEngine(source);
  try {
    if ('file' in source) checkLayerName(layer, engine.model);
    const { resultId } = await runImageFile(engine, file, 1);
    const { stats, values, shape: layerShape } = await engine.client.layer(resultId, layer);
    const npy = args.options.get('npy');
    if (typeof npy === 'string') await writeOutput(npy, encodeNpy(values, layerShape));
    const { shape, min, max, mean, std, zeroFraction, histogram } = stats;
    const stdout = flag(args, 'json')
      ? JSON.stringify({ file, layer, shape, min, max, mean, std, zeroFraction, histogram })
      : formatStats(file, layer, stats);
    return { stdout, errors: [] };
  } finally {
    engine.dispose();
  }
}
