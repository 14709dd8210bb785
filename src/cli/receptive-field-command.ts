/** `receptive-field [LAYER] [--preset P] [--json]`: theoretical receptive fields from the plan. */
import { receptiveField, receptiveFields, type ReceptiveField } from '../explain/receptive-field';
import { PRESET_NAMES, presetConfig } from '../model/pure';
import { flag, parseArgs, stringOption, UsageError, type OptionSpec } from './args';

export const RECEPTIVE_FIELD_OPTIONS: readonly OptionSpec[] = [
  { name: 'preset', takesValue: true, choices: PRESET_NAMES },
  { name: 'json', takesValue: false },
  { name: 'help', takesValue: false },
];

const SYNOPSIS = 'receptive-field [LAYER] [--preset signs|imagenet] [--json]';

/** The command's line in the CLI's usage (aligned with the others there). */
export const RECEPTIVE_FIELD_USAGE = `${SYNOPSIS}    theoretical receptive fields (size, jump, padding)`;

const HELP = `usage: npm run -s cli -- ${SYNOPSIS}

Every layer's theoretical receptive field (or LAYER's), from the architecture alone: size
and jump (effective stride) in input pixels, and padding (unit 0's field starts at
-padding). The preset defaults to signs.`;

/** The JSON contract of `receptive-field --json` (issue 11). */
export function receptiveFieldJson(fields: readonly ReceptiveField[]): object {
  return { layers: fields.map(({ name, size, jump, padding }) => ({ name, size, jump, padding })) };
}

const HEADERS = ['Layer', 'Map', 'Size', 'Jump', 'Padding', 'Paths into an add'] as const;

function row(f: ReceptiveField): string[] {
  const paths = f.paths?.map((p) => `${p.from} ${p.size}/${p.jump}/${p.padding}`).join(', ') ?? '';
  const map = f.spatial ? `${f.rows}x${f.cols}` : '-';
  return [f.name, map, String(f.size), String(f.jump), String(f.padding), paths];
}

/** A readable table: numbers right-aligned, the add's paths (main first) at the end. */
export function formatReceptiveFields(preset: string, fields: readonly ReceptiveField[]): string {
  const rows = fields.map(row);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [
    `Receptive fields of ResNet50 (${preset}), in input pixels: a unit at index i sees`,
    'i*jump - padding to i*jump - padding + size - 1; at an add the main path decides.',
    line(HEADERS),
    ...rows.map(line),
  ].join('\n');
}

export function runReceptiveField(argv: readonly string[]): string {
  const args = parseArgs(argv, RECEPTIVE_FIELD_OPTIONS);
  if (flag(args, 'help')) return HELP;
  if (args.positionals.length > 1) {
    throw new UsageError(`receptive-field takes at most one layer name (got ${args.positionals.map((p) => `"${p}"`).join(', ')})`);
  }
  const preset = stringOption(args, 'preset', 'signs');
  const config = presetConfig(preset);
  const [layer] = args.positionals;
  // From the layer plan alone: no model is built and no weights are read.
  const fields = layer === undefined ? receptiveFields(config) : [receptiveField(config, layer)];
  return flag(args, 'json') ? JSON.stringify(receptiveFieldJson(fields)) : formatReceptiveFields(preset, fields);
}
