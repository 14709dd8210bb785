/**
 * `attribute IMG --method M [...]`: why the ImageNet model decided, as one map; and
 * `attribute IMG --unit LAYER:ROW:COL`: one unit's effective receptive field.
 */
import { flag, parseArgs, UsageError, type OptionSpec } from './args';
import type { CommandOutput } from './classify-command';
import { runImageFile, startEngine, type CliEngine } from './engine';
import { MODEL_USAGE, modelOptions, modelSource } from './model-option';
import { encodeNpy } from '../inspect/npy';
import { encodeHeatPng } from './heat-png';
import { writeOutput } from './output-file';
import {
  ATTRIBUTION_METHODS, IG_BASELINES, type AttributionMethod, type AttributionRequest, type IgBaseline, type UnitRequest,
} from '../explain/types';

export const ATTRIBUTE_USAGE =
  '  attribute IMAGE --method gradcam|saliency|smoothgrad|ig [--layer L] [--class K|--label NAME]\n' +
  '            [--steps N] [--baseline black|blur] [--png OUT.png] [--npy OUT.npy] [--json]   why it decided\n' +
  '  attribute IMAGE --unit LAYER:ROW:COL [--json]                  one unit\'s effective receptive field\n' +
  `            ${MODEL_USAGE}`;

const OPTIONS: readonly OptionSpec[] = [
  { name: 'method', takesValue: true, choices: ATTRIBUTION_METHODS },
  { name: 'layer', takesValue: true },
  { name: 'class', takesValue: true },
  { name: 'label', takesValue: true },
  { name: 'steps', takesValue: true },
  { name: 'baseline', takesValue: true, choices: IG_BASELINES },
  { name: 'unit', takesValue: true },
  { name: 'png', takesValue: true },
  { name: 'npy', takesValue: true },
  { name: 'json', takesValue: false },
  ...modelOptions(),
];

function integer(value: string | true | undefined, name: string): number | undefined {
  if (typeof value !== 'string') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} must be a whole number (got "${value}")`);
  return n;
}

function parseUnit(value: string): UnitRequest {
  const match = /^([A-Za-z0-9_]+):(\d+):(\d+)$/.exec(value);
  if (!match) throw new UsageError(`--unit takes LAYER:ROW:COL, e.g. res3a_relu:14:14 (got "${value}")`);
  return { layer: match[1], row: Number(match[2]), col: Number(match[3]) };
}

async function unitOutput(engine: CliEngine, resultId: number, unit: UnitRequest, json: boolean): Promise<string> {
  const u = await engine.client.unitField(resultId, unit);
  const { size, x0, y0, x1, y1 } = u.theoretical;
  const out = { layer: u.layer, row: u.row, col: u.col, theoretical: { size, x0, y0, x1, y1 }, mass50: u.mass50, mass90: u.mass90 };
  if (json) return JSON.stringify(out);
  return `${u.layer} (${u.row}, ${u.col}): theoretical field ${size} px (x ${x0}-${x1}, y ${y0}-${y1}); ` +
    `effective: 50% of the gradient within ${u.mass50} px, 90% within ${u.mass90} px`;
}

export async function runAttribute(argv: readonly string[]): Promise<CommandOutput> {
  if (argv.includes('--help')) return { stdout: `usage: npm run -s cli -- attribute ...\n${ATTRIBUTE_USAGE}`, errors: [] };
  const args = parseArgs(argv, OPTIONS);
  if (args.positionals.length !== 1) throw new UsageError('attribute takes exactly one image file');
  const [file] = args.positionals;
  const { options } = args;
  const unitOption = options.get('unit');
  const unit = typeof unitOption === 'string' ? parseUnit(unitOption) : null;
  const method = options.get('method');
  if (!unit && typeof method !== 'string') {
    throw new UsageError(`attribute needs --method (${ATTRIBUTION_METHODS.join(', ')}) or --unit LAYER:ROW:COL`);
  }
  const label = options.get('label');
  const request: AttributionRequest = {
    method: method as AttributionMethod,
    layer: typeof options.get('layer') === 'string' ? String(options.get('layer')) : undefined,
    classIndex: integer(options.get('class'), 'class'),
    label: typeof label === 'string' ? label : undefined,
    steps: integer(options.get('steps'), 'steps'),
    baseline: options.get('baseline') as IgBaseline | undefined,
  };
  const engine = await startEngine(modelSource(args, 'imagenet'));
  try {
    const { resultId } = await runImageFile(engine, file, 1);
    if (unit) return { stdout: await unitOutput(engine, resultId, unit, flag(args, 'json')), errors: [] };
    const a = await engine.client.attribute(resultId, request);
    const png = options.get('png');
    if (typeof png === 'string') {
      const picture = a.inputMap ?? { shape: a.shape, values: a.values };
      await writeOutput(png, encodeHeatPng(picture.values, picture.shape, a.method === 'ig'));
    }
    const npy = options.get('npy');
    if (typeof npy === 'string') await writeOutput(npy, encodeNpy(a.values, a.shape));
    const out = {
      method: a.method, layer: a.layer, class: a.classIndex, label: a.label, logit: a.logit, shape: a.shape, min: a.min, max: a.max,
      ...(a.completenessGap === null ? {} : { completenessGap: a.completenessGap }),
    };
    const gap = a.completenessGap === null ? '' : `, completeness gap ${(100 * a.completenessGap).toFixed(2)}%${a.completenessGap > 0.05 ? ' (use more steps)' : ''}`;
    const text = `${file}: ${a.method} at ${a.layer} for ${a.label} (class ${a.classIndex}, logit ${a.logit.toFixed(3)}): ` +
      `${a.shape.join(' x ')}, min ${a.min.toPrecision(4)}, max ${a.max.toPrecision(4)}${gap}`;
    return { stdout: flag(args, 'json') ? JSON.stringify(out) : text, errors: [] };
  } finally {
    engine.dispose();
  }
}
