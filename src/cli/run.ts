/** The command line's dispatcher, callable in-process (tests) or from main.ts. */
import * as tf from '@tensorflow/tfjs';
import { UsageError } from './args';
import { runSummary } from './summary-command';

const USAGE = `usage: npm run -s cli -- <command> [options]

commands:
  summary [--preset signs|imagenet] [--seed-literal] [--json]   Keras-style model summary`;

type Command = (argv: readonly string[]) => string | Promise<string>;

const COMMANDS: Record<string, Command> = {
  summary: runSummary,
};

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs one command; never throws. Errors become one line on stderr and a non-zero code. */
export async function runCli(argv: readonly string[]): Promise<CliResult> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help') return { code: name ? 0 : 2, stdout: name ? USAGE : '', stderr: name ? '' : USAGE };
  const command = COMMANDS[name];
  if (!command) {
    return { code: 2, stdout: '', stderr: `unknown command "${name}": use one of ${Object.keys(COMMANDS).join(', ')}` };
  }
  try {
    await tf.setBackend('cpu');
    return { code: 0, stdout: await command(rest), stderr: '' };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { code: err instanceof UsageError ? 2 : 1, stdout: '', stderr: `${name}: ${message.split('\n')[0]}` };
  }
}
