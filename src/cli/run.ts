/** The command line's dispatcher, callable in-process (tests) or from main.ts. */
import * as tf from '@tensorflow/tfjs';
import { UsageError } from './args';
import { ATTRIBUTE_USAGE, runAttribute } from './attribute-command';
import { runClassify, type CommandOutput } from './classify-command';
import { COMPARE_USAGE, runCompare } from './compare-command';
import { EVALUATE_USAGE, runEvaluate } from './evaluate-command';
import { LESION_USAGE, runLesion } from './lesion-command';
import { runInspect } from './inspect-command';
import { RECEPTIVE_FIELD_USAGE, runReceptiveField } from './receptive-field-command';
import { runSummary } from './summary-command';
import { PREDICT_USAGE, runPredict } from './predict-command';
import { MODEL_USAGE } from './model-option';
import { examplesText } from './examples';

const USAGE = `usage: npm run -s cli -- <command> [options]

commands:
  summary [--preset signs|imagenet] [--seed-literal] [--json]   Keras-style model summary
  summary --model FILE [--json]                                  a model file's summary (its weights checked too)
  classify IMAGE... [--top K] [--json]                           ImageNet top-K (PNG, JPEG, GIF, WebP)
  inspect IMAGE --layer NAME [--json] [--npy FILE]               one layer's activation statistics
${PREDICT_USAGE}
  ${RECEPTIVE_FIELD_USAGE}
${ATTRIBUTE_USAGE}
${EVALUATE_USAGE}
${LESION_USAGE}
${COMPARE_USAGE}

your own ResNet50 (.keras, .h5, .weights.h5, or a tfjs model.json beside its .bin files):
    ${MODEL_USAGE}
    on summary, classify, inspect, attribute and compare (evaluate and lesion: --class-names FILE);
    --input-size sets the side for a weights-only file (default 64 with the seed's names, 224 with keras.applications').`;

/** The commands that take --model (predict needs it). */
const MODEL_COMMANDS = new Set(['summary', 'classify', 'inspect', 'attribute', 'compare', 'evaluate', 'lesion']);

type Command = (argv: readonly string[]) => Promise<CommandOutput>;

const COMMANDS: Record<string, Command> = {
  summary: async (argv) => ({ stdout: await runSummary(argv), errors: [] }),
  classify: runClassify,
  inspect: runInspect,
  'receptive-field': async (argv) => ({ stdout: runReceptiveField(argv), errors: [] }),
  attribute: runAttribute,
  evaluate: runEvaluate,
  lesion: runLesion,
  compare: runCompare,
  predict: runPredict,
};

/** A command's lines of the usage text: its own, and the indented ones under them. */
function commandHelp(name: string): string {
  const lines = USAGE.split('\n');
  const out: string[] = [];
  let inside = false;
  for (const line of lines) {
    if (/^ {2}[a-z]/.test(line)) inside = line.startsWith(`  ${name} `);
    if (inside) out.push(line);
  }
  // Commands whose own lines do not already say how they take a model file.
  const model = MODEL_COMMANDS.has(name) && !out.some((line) => line.includes('--model')) ? `\n  ${MODEL_USAGE}   your own model file` : '';
  return `usage: npm run -s cli -- ${name} [options]\n${out.join('\n')}${model}${examplesText([name])}`;
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const HELP = new Set(['help', '--help', '-h']);

function usage(name: string | undefined): CliResult {
  if (name !== undefined && HELP.has(name)) return { code: 0, stdout: `${USAGE}${examplesText(['classify', 'inspect', 'attribute'])}`, stderr: '' };
  return { code: 2, stdout: '', stderr: `missing command: use one of ${Object.keys(COMMANDS).join(', ')} (or help)` };
}

/** Runs one command; never throws. Errors become one line on stderr and a non-zero code. */
export async function runCli(argv: readonly string[]): Promise<CliResult> {
  const [name, ...rest] = argv;
  if (name === undefined || HELP.has(name)) return usage(name);
  const command = COMMANDS[name];
  if (!command) {
    return { code: 2, stdout: '', stderr: `unknown command "${name}": use one of ${Object.keys(COMMANDS).join(', ')}` };
  }
  if (rest.includes('--help') || rest.includes('-h')) return { code: 0, stdout: commandHelp(name), stderr: '' };
  try {
    await tf.setBackend('cpu');
    const { stdout, errors, warnings = [] } = await command(rest);
    return { code: errors.length ? 1 : 0, stdout, stderr: [...warnings, ...errors].join('\n') };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // "classify: needs at least one image file", not "classify: classify needs ...".
    const line = message.split('\n')[0];
    const said = line.startsWith(`${name} `) ? line.slice(name.length + 1) : line;
    return { code: err instanceof UsageError ? 2 : 1, stdout: '', stderr: `${name}: ${said}` };
  }
}
