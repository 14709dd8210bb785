/**
 * What a layer is set to and how its parameters are made, in words, from the layer plan
 * alone (no tfjs): the inspector and the graph's accessible descriptions teach the layer,
 * not only its output. `1·1·64·256 + 256 = 16,640` for a conv, `4 × 256 = 1,024` for a
 * BatchNorm, of which half is trained.
 */
import type { LayerKind, LayerSettings, PlannedLayer } from './layer-info';
import { paramCount, type Shape } from './layer-shapes';
import type { ResNetConfig } from './presets';
import { shapedPlan } from './summary';
import { formatCount, formatShape } from './vocabulary';

export interface LayerLesson {
  readonly name: string;
  readonly kind: LayerKind;
  /** Each setting as a term and its value, e.g. ['Kernel', '3×3']. */
  readonly settings: readonly (readonly [string, string])[];
  readonly inputShapes: readonly Shape[];
  readonly outputShape: Shape;
  /** How the parameter count is made, e.g. `1·1·64·256 + 256 = 16,640`; null for a layer without weights. */
  readonly paramsFormula: string | null;
  /** What the formula's terms are, e.g. "kernel height · width · input channels · filters, plus one bias per filter". */
  readonly paramsWhy: string | null;
  readonly trainable: number;
  readonly nonTrainable: number;
  /** Everything above in one sentence, for an accessible description. */
  readonly sentence: string;
}

function settingsOf(settings: LayerSettings): [string, string][] {
  switch (settings.kind) {
    case 'input':
      return [['Image', formatShape(settings.shape)]];
    case 'zero-padding':
      return [['Padding', `${settings.padding} pixel${settings.padding === 1 ? '' : 's'} of zeros on each side`]];
    case 'conv':
      return [
        ['Filters', String(settings.filters)],
        ['Kernel', `${settings.kernel}×${settings.kernel}`],
        ['Stride', String(settings.stride)],
        ['Padding', settings.padding],
      ];
    case 'batch-norm':
      return [['Normalises', `each channel (axis ${settings.axis})`]];
    case 'relu':
      return [['Function', 'max(0, x)']];
    case 'max-pool':
    case 'avg-pool':
      return [
        ['Window', `${settings.poolSize}×${settings.poolSize}`],
        ['Stride', String(settings.stride)],
        ['Takes', settings.kind === 'max-pool' ? 'the largest value' : 'the mean'],
      ];
    case 'add':
      return [['Adds', 'the main path and the shortcut, element by element']];
    case 'flatten':
      return [['Reshapes', 'the map into one vector']];
    case 'dense':
      return [
        ['Units', String(settings.units)],
        ['Activation', settings.activation],
      ];
  }
}

interface Params {
  readonly formula: string;
  readonly why: string;
}

function paramsOf(settings: LayerSettings, input: Shape | undefined, total: number, trainable: number): Params | null {
  const channels = input?.[input.length - 1] ?? 0;
  const n = formatCount(total);
  switch (settings.kind) {
    case 'conv': {
      const { kernel: k, filters: f } = settings;
      return {
        formula: `${k}·${k}·${channels}·${f} + ${f} = ${n}`,
        why: 'kernel height · width · input channels · filters, plus one bias per filter',
      };
    }
    case 'dense':
      return {
        formula: `${channels}·${settings.units} + ${settings.units} = ${n}`,
        why: 'inputs · units, plus one bias per unit',
      };
    case 'batch-norm':
      return {
        formula: `4 × ${channels} = ${n}, of which ${formatCount(trainable)} trainable`,
        why: 'per channel a learned scale (gamma) and shift (beta), and a moving mean and variance that training updates but no gradient does',
      };
    default:
      return null;
  }
}

function lessonOf(layer: PlannedLayer, inputs: readonly Shape[], output: Shape): LayerLesson {
  const { trainable, nonTrainable } = paramCount(layer.settings, inputs[0]);
  const params = paramsOf(layer.settings, inputs[0], trainable + nonTrainable, trainable);
  const settings = settingsOf(layer.settings);
  const shapes = inputs.length > 0 ? `${inputs.map(formatShape).join(' + ')} → ${formatShape(output)}` : formatShape(output);
  const parts = [settings.map(([term, value]) => `${term.toLowerCase()} ${value}`).join(', '), shapes];
  parts.push(params ? `parameters ${params.formula}` : 'no parameters');
  return {
    name: layer.name,
    kind: layer.kind,
    settings,
    inputShapes: inputs,
    outputShape: output,
    paramsFormula: params?.formula ?? null,
    paramsWhy: params?.why ?? null,
    trainable,
    nonTrainable,
    sentence: `${parts.join('; ')}.`,
  };
}

/** Every layer's lesson, by name, in build order. */
export function layerLessons(config: ResNetConfig): ReadonlyMap<string, LayerLesson> {
  return new Map(shapedPlan(config).map(({ layer, inputs, output }) => [layer.name, lessonOf(layer, inputs, output)]));
}
