/** A small, strict argument parser: unknown options are errors that list the valid ones. */

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface OptionSpec {
  /** Option name without dashes, e.g. "preset". */
  readonly name: string;
  /** Takes a value (`--top 5`) or is a switch (`--json`). */
  readonly takesValue: boolean;
  /** Allowed values, listed in the error for any other. */
  readonly choices?: readonly string[];
}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly options: ReadonlyMap<string, string | true>;
}

function findSpec(specs: readonly OptionSpec[], flag: string): OptionSpec {
  const spec = specs.find((s) => `--${s.name}` === flag);
  if (spec) return spec;
  const valid = specs.map((s) => `--${s.name}`).join(', ');
  throw new UsageError(`unknown option "${flag}": valid options are ${valid}`);
}

function checkChoice(spec: OptionSpec, value: string): void {
  if (spec.choices && !spec.choices.includes(value)) {
    throw new UsageError(`unknown ${spec.name} "${value}": use one of ${spec.choices.join(', ')}`);
  }
}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    const spec = findSpec(specs, flag);
    if (!spec.takesValue) {
      if (inline !== undefined) throw new UsageError(`option ${flag} takes no value`);
      options.set(spec.name, true);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`option ${flag} needs a value`);
    checkChoice(spec, value);
    options.set(spec.name, value);
  }
  return { positionals, options };
}

export function stringOption(args: ParsedArgs, name: string, fallback: string): string {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : fallback;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.options.get(name) === true;
}
