/**
 * Output shapes and parameter counts of planned layers, worked out the way Keras does from
 * the settings alone, so a summary needs neither tfjs nor weights. The tests check every
 * number against the built tfjs model.
 */
import type { LayerSettings } from './layer-info';

/** Shape without the batch dimension: [height, width, channels], or [features]. */
export type Shape = readonly number[];

export interface ParamCount {
  readonly trainable: number;
  /** BatchNorm's moving mean and variance: updated by training, not by gradients. */
  readonly nonTrainable: number;
}

/** A window of side k and stride s over a side of n: "valid" keeps only whole windows. */
function windowed(n: number, k: number, s: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;
}

function spatial(shape: Shape, k: number, s: number, padding: 'valid' | 'same', channels: number): Shape {
  const [h, w] = shape;
  return [windowed(h, k, s, padding), windowed(w, k, s, padding), channels];
}

function only(inputs: readonly Shape[], kind: string): Shape {
  const [first] = inputs;
  if (inputs.length !== 1 || !first) throw new Error(`a ${kind} layer takes one input, got ${inputs.length}`);
  return first;
}

/** Add keeps its inputs' shape, which must all agree. */
function addShape(inputs: readonly Shape[]): Shape {
  const [first, ...rest] = inputs;
  if (!first || rest.some((s) => s.join() !== first.join())) {
    throw new Error(`add needs inputs of one shape, got ${inputs.map((s) => `[${s.join(', ')}]`).join(' and ')}`);
  }
  return first;
}

export function outputShape(settings: LayerSettings, inputs: readonly Shape[]): Shape {
  if (settings.kind === 'input') return [...settings.shape];
  if (settings.kind === 'add') return addShape(inputs);
  const x = only(inputs, settings.kind);
  switch (settings.kind) {
    case 'zero-padding':
      return [x[0] + 2 * settings.padding, x[1] + 2 * settings.padding, x[2]];
    case 'conv':
      return spatial(x, settings.kernel, settings.stride, settings.padding, settings.filters);
    case 'max-pool':
    case 'avg-pool':
      return spatial(x, settings.poolSize, settings.stride, 'valid', x[2]);
    case 'flatten':
      return [x.reduce((a, b) => a * b, 1)];
    case 'dense':
      return [settings.units];
    case 'batch-norm':
    case 'relu':
      return [...x];
  }
}

const NO_PARAMS: ParamCount = { trainable: 0, nonTrainable: 0 };

/** Weights of one layer given its (first) input shape; conv and dense have biases. */
export function paramCount(settings: LayerSettings, input: Shape | undefined): ParamCount {
  const channels = input?.[input.length - 1] ?? 0;
  switch (settings.kind) {
    case 'conv':
      return { trainable: settings.kernel * settings.kernel * channels * settings.filters + settings.filters, nonTrainable: 0 };
    case 'dense':
      return { trainable: channels * settings.units + settings.units, nonTrainable: 0 };
    case 'batch-norm':
      // gamma and beta are learned; the moving mean and variance are not.
      return { trainable: 2 * channels, nonTrainable: 2 * channels };
    default:
      return NO_PARAMS;
  }
}
