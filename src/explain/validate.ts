/**
 * Checks an attribution request against the model before any work: each bad field gives
 * one plain message naming the valid choices. Plain data in, settings out; no tfjs.
 */
import { UnknownLayerError } from '../inspect/errors';
import { nearestNames, readableLabel } from '../inspect/labels';
import { planSummary, type ResNetConfig } from '../model/pure';
import {
  ATTRIBUTION_METHODS, IG_BASELINES, IG_STEPS, SMOOTHGRAD,
  type AttributionMethod, type AttributionRequest, type IgBaseline,
} from './types';

export interface CheckedRequest {
  readonly method: AttributionMethod;
  /** The Grad-CAM layer; the input layer's name for the gradient methods. */
  readonly layer: string;
  /** Null: the image's top class. */
  readonly classIndex: number | null;
  readonly steps: number;
  readonly baseline: IgBaseline;
  readonly samples: number;
  readonly sigma: number;
}

function isInteger(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** The layers with a spatial (height x width x channels) output, the input excluded. */
export function spatialLayers(config: ResNetConfig): string[] {
  return planSummary(config).layers.filter((l) => l.info.kind !== 'input' && l.outputShape.length === 3).map((l) => l.name);
}

/** The last block's output (res5c_relu): the map the average pool reads, Grad-CAM's default. */
export function lastBlockOutput(config: ResNetConfig): string {
  const pool = planSummary(config).layers.find((l) => l.info.kind === 'avg-pool');
  if (!pool) throw new Error('This model has no average pool');
  return pool.inputs[0];
}

/** A layer with a spatial output, or an error naming what would do. */
export function checkSpatialLayer(config: ResNetConfig, layer: string, purpose: string): string {
  const summary = planSummary(config);
  const found = summary.layers.find((l) => l.name === layer);
  if (!found) throw new UnknownLayerError(layer, summary.layers.map((l) => l.name));
  const spatial = spatialLayers(config);
  if (!spatial.includes(layer)) {
    throw new Error(
      `${purpose} needs a layer with a spatial output (a conv, batch-norm, ReLU, add or pool layer, e.g. ` +
      `${lastBlockOutput(config)} or ${spatial[0]}); "${layer}" outputs [${found.outputShape.join(', ')}]`,
    );
  }
  return layer;
}

/** The class index a label names ("Egyptian cat" or "Egyptian_cat", any case). */
export function classOfLabel(label: string, labels: readonly string[]): number {
  const wanted = readableLabel(label).trim().toLowerCase();
  const readable = labels.map(readableLabel);
  const index = readable.findIndex((l) => l.toLowerCase() === wanted);
  if (index >= 0) return index;
  throw new Error(`unknown label "${label}": did you mean ${nearestNames(label, readable).map((l) => `"${l}"`).join(', ')}?`);
}

function checkClass(request: AttributionRequest, labels: readonly string[]): number | null {
  const { classIndex, label } = request;
  if (classIndex !== undefined && label !== undefined) throw new Error('give a class index or a label, not both');
  if (label !== undefined) return classOfLabel(label, labels);
  if (classIndex === undefined) return null;
  if (isInteger(classIndex, 0, labels.length - 1)) return classIndex;
  throw new Error(`class ${classIndex} is out of range: use an integer from 0 to ${labels.length - 1}`);
}

function checkMethod(method: unknown): AttributionMethod {
  if ((ATTRIBUTION_METHODS as readonly unknown[]).includes(method)) return method as AttributionMethod;
  throw new Error(`unknown method "${String(method)}": use one of ${ATTRIBUTION_METHODS.join(', ')}`);
}

function checkLayer(method: AttributionMethod, request: AttributionRequest, config: ResNetConfig): string {
  const input = planSummary(config).layers[0].name;
  if (method !== 'gradcam') {
    if (request.layer !== undefined && request.layer !== input) {
      throw new Error(`only gradcam takes a layer; ${method} attributes to the input`);
    }
    return input;
  }
  return checkSpatialLayer(config, request.layer ?? lastBlockOutput(config), 'Grad-CAM');
}

function checkSettings(request: AttributionRequest): Pick<CheckedRequest, 'steps' | 'baseline' | 'samples' | 'sigma'> {
  const { steps = IG_STEPS.default, baseline = 'black', samples = SMOOTHGRAD.samples, sigma = SMOOTHGRAD.sigma } = request;
  if (!isInteger(steps, IG_STEPS.min, IG_STEPS.max)) {
    throw new Error(`steps must be an integer from ${IG_STEPS.min} to ${IG_STEPS.max} (got ${steps})`);
  }
  if (!(IG_BASELINES as readonly string[]).includes(baseline)) {
    throw new Error(`unknown baseline "${baseline}": use one of ${IG_BASELINES.join(', ')}`);
  }
  if (!isInteger(samples, 1, SMOOTHGRAD.maxSamples)) {
    throw new Error(`samples must be an integer from 1 to ${SMOOTHGRAD.maxSamples} (got ${samples})`);
  }
  if (!(typeof sigma === 'number' && sigma > 0 && sigma <= 1)) {
    throw new Error(`sigma is a fraction of the input's range: use a number above 0 and at most 1 (got ${sigma})`);
  }
  return { steps, baseline, samples, sigma };
}

export function checkRequest(request: AttributionRequest, config: ResNetConfig, labels: readonly string[]): CheckedRequest {
  const method = checkMethod(request.method);
  return { method, layer: checkLayer(method, request, config), classIndex: checkClass(request, labels), ...checkSettings(request) };
}
