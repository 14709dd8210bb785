/**
 * `compare A B [--lesion BLOCK,...] --json`: cosine similarity and relative L2 distance
 * (‖A − B‖ / ‖A‖) of two images' activations at every layer. A runs on the intact network
 * and B with the blocks switched off, so `compare X X --lesion res3a` shows where a
 * switched-off block's effect appears and how it grows or fades.
 */
import { flag, parseArgs, UsageError, type OptionSpec } from './args';
import type { CommandOutput } from './classify-command';
import { startEngine } from './engine';
import { decodeImageFile } from '../model/image/decode-node';
import { describeFileError } from './classify-command';
import { EXPERIMENT_OPTIONS, lesionOption, presetOption } from './lesion-options';
import { MODEL_USAGE, modelOptions, modelSource } from './model-option';

export const COMPARE_USAGE =
  '  compare A B [--lesion BLOCK[,BLOCK...]] [--preset P] [--json]   per-layer cosine and relative L2 of A and B (B lesioned)\n' +
  `            ${MODEL_USAGE}`;

const OPTIONS: readonly OptionSpec[] = [...EXPERIMENT_OPTIONS, { name: 'lesion', takesValue: true }, ...modelOptions()];

async function decode(file: string) {
  try {
    return await decodeImageFile(file);
  } catch (err) {
    throw new UsageError(describeFileError(file, err));
  }
}

export async function runCompare(argv: readonly string[]): Promise<CommandOutput> {
  if (argv.includes('--help')) return { stdout: `usage: npm run -s cli -- compare ...\n${COMPARE_USAGE}`, errors: [] };
  const args = parseArgs(argv, OPTIONS);
  if (args.positionals.length !== 2) throw new UsageError('compare takes exactly two image files, A and B');
  const lesion = lesionOption(args);
  const [a, b] = [await decode(args.positionals[0]), await decode(args.positionals[1])];
  const engine = await startEngine(modelSource(args, presetOption(args)));
  try {
    const { modelId } = engine.model;
    const runA = await engine.client.classify(modelId, a, { topK: 1 });
    const runB = await engine.client.classify(modelId, b, { topK: 1, lesion });
    const { layers } = await engine.client.compare(runA.resultId, runB.resultId);
    const width = Math.max(...layers.map((l) => l.name.length));
    const text = [`${'layer'.padEnd(width)}  cosine  relative L2`,
      ...layers.map((l) => `${l.name.padEnd(width)}  ${l.cosine.toFixed(4)}  ${l.relativeL2.toFixed(4)}`)].join('\n');
    return { stdout: flag(args, 'json') ? JSON.stringify({ layers }) : text, errors: [] };
  } finally {
    engine.dispose();
  }
}
