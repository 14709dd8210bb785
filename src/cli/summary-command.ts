import { formatSummary, planSummary, PRESET_NAMES, presetConfig, type ModelSummary } from '../model/pure';
import { flag, parseArgs, stringOption, UsageError, type OptionSpec } from './args';

export const SUMMARY_OPTIONS: readonly OptionSpec[] = [
  { name: 'preset', takesValue: true, choices: PRESET_NAMES },
  { name: 'seed-literal', takesValue: false },
  { name: 'json', takesValue: false },
];

/** The JSON contract of `summary --json` (DESIGN.md section 4). */
export function summaryJson(s: ModelSummary): object {
  return {
    preset: s.preset,
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

export function runSummary(argv: readonly string[]): string {
  const args = parseArgs(argv, SUMMARY_OPTIONS);
  if (args.positionals.length > 0) throw new UsageError(`summary takes no file arguments (got "${args.positionals[0]}")`);
  const config = presetConfig(stringOption(args, 'preset', 'signs'), { seedLiteral: flag(args, 'seed-literal') });
  // From the layer plan: the same summary a built model gives (model/plan.test.ts), in
  // milliseconds and without 25 million weights.
  const summary = planSummary(config);
  return flag(args, 'json') ? JSON.stringify(summaryJson(summary)) : formatSummary(summary);
}
