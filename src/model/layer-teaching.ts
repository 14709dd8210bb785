/**
 * What a layer is set to and how its parameters are made, as plain data, from the layer plan
 * alone (no tfjs): the inspector and the graph's accessible descriptions teach the layer,
 * not only its output. The numbers are here (1·1·64·256 + 256 for a conv, 4 × 256 for a
 * BatchNorm, of which half is trained); the words, in the page's language, are the ui's
 * (ui/inspector/lesson-words.ts), since model/ knows no language.
 */
import type { LayerKind, LayerSettings, PlannedLayer } from './layer-info';
import { paramCount, type Shape } from './layer-shapes';
import type { ResNetConfig } from './presets';
import { shapedPlan } from './summary';

/** The terms of a layer's parameter count: `total` is what they make. */
export type ParamsArithmetic =
  /** kernel · kernel · channels · filters + filters (one bias per filter). */
  | { readonly kind: 'conv'; readonly kernel: number; readonly channels: number; readonly filters: number; readonly total: number }
  /** inputs · units + units (one bias per unit). */
  | { readonly kind: 'dense'; readonly inputs: number; readonly units: number; readonly total: number }
  /** 4 × channels: gamma and beta trained, the moving mean and variance not. */
  | { readonly kind: 'batch-norm'; readonly channels: number; readonly total: number; readonly trainable: number };

export interface LayerLesson {
  readonly name: string;
  readonly kind: LayerKind;
  /** The settings the layer is built with (filters, kernel, stride, padding...). */
  readonly settings: LayerSettings;
  readonly inputShapes: readonly Shape[];
  readonly outputShape: Shape;
  /** How the parameter count is made; null for a layer without weights. */
  readonly params: ParamsArithmetic | null;
  readonly trainable: number;
  readonly nonTrainable: number;
}

function paramsOf(settings: LayerSettings, input: Shape | undefined, total: number, trainable: number): ParamsArithmetic | null {
  const channels = input?.[input.length - 1] ?? 0;
  switch (settings.kind) {
    case 'conv':
      return { kind: 'conv', kernel: settings.kernel, channels, filters: settings.filters, total };
    case 'dense':
      return { kind: 'dense', inputs: channels, units: settings.units, total };
    case 'batch-norm':
      return { kind: 'batch-norm', channels, total, trainable };
    default:
      return null;
  }
}

function lessonOf(layer: PlannedLayer, inputs: readonly Shape[], output: Shape): LayerLesson {
  const { trainable, nonTrainable } = paramCount(layer.settings, inputs[0]);
  return {
    name: layer.name,
    kind: layer.kind,
    settings: layer.settings,
    inputShapes: inputs,
    outputShape: output,
    params: paramsOf(layer.settings, inputs[0], trainable + nonTrainable, trainable),
    trainable,
    nonTrainable,
  };
}

/** Every layer's lesson, by name, in build order. */
export function layerLessons(config: ResNetConfig): ReadonlyMap<string, LayerLesson> {
  return new Map(shapedPlan(config).map(({ layer, inputs, output }) => [layer.name, lessonOf(layer, inputs, output)]));
}
