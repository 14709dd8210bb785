import { formatSummary, planSummary, PRESET_NAMES, presetConfig, type ModelSummary } from '../model/pure';
import { flag, parseArgs, stringOption, UsageError, type OptionSpec } from './args';
import type { ModelOrigin, OpenedFileModel } from '../client/types';
import { startEngine } from './engine';
import { modelOptions, modelSource } from './model-option';

export const SUMMARY_OPTIONS: readonly OptionSpec[] = [
  { name: 'preset', takesValue: true, choices: PRESET_NAMES },
  { name: 'seed-literal', takesValue: false },
  { name: 'json', takesValue: false },
  ...modelOptions(),
];

/** The JSON contract of `summary --json` (DESIGN.md section 4); a model file's has `model` (its origin) and no preset. */
export function summaryJson(s: ModelSummary, origin?: ModelOrigin): object {
  return {
    preset: origin ? null : s.preset,
    ...(origin ? { model: origin } : {}),
    seedLiteral: s.seedLiteral,
    inputShape: s.inputShape,
    classes: s.classes,
    totalParams: s.totalParams,
    trainableParams: s.trainableParams,
    nonTrainableParams: s.nonTrainableParams,
    layers: s.layers.map((l) => ({
      name: l.name, type: l.type, outputShape: l.outputShape, params: l.params, inputs: l.inputs,
    })),
  };
}

/** A model file's summary, as built (its weights read and checked too: a bad file fails here). */
async function fileSummary(source: Exclude<ReturnType<typeof modelSource>, { preset: unknown }>, json: boolean): Promise<string> {
  const engine = await startEngine(source);
  try {
    const { summary, origin } = engine.model as OpenedFileModel;
    if (json) return JSON.stringify(summaryJson(summary, origin));
    const how = `${origin.format}, ${origin.scheme === 'seed' ? 'the seed\'s' : 'keras.applications\''} layer names, preprocessing ${origin.preprocess}`;
    return `Model: ${origin.name} (${how})${origin.noClasses ? `\n${origin.noClasses}` : ''}\n${formatSummary(summary)}`;
  } finally {
    engine.dispose();
  }
}

export async function runSummary(argv: readonly string[]): Promise<string> {
  const args = parseArgs(argv, SUMMARY_OPTIONS);
  if (args.positionals.length > 0) throw new UsageError(`summary takes no file arguments (got "${args.positionals[0]}"); a model file goes after --model`);
  const source = modelSource(args, 'signs');
  if ('file' in source) {
    if (flag(args, 'seed-literal')) throw new UsageError('--seed-literal is a preset variant; a model file has its own stage 5');
    return fileSummary(source, flag(args, 'json'));
  }
  const config = presetConfig(stringOption(args, 'preset', 'signs'), { seedLiteral: flag(args, 'seed-literal') });
  // From the layer plan: the same summary a built model gives (model/plan.test.ts), in
  // milliseconds and without 25 million weights.
  const summary = planSummary(config);
  return flag(args, 'json') ? JSON.stringify(summaryJson(summary)) : formatSummary(summary);
}
