/**
 * One attribution of one held image, plain data out: the request is checked first (one
 * message naming the valid choices), then the method runs on the image's held activations
 * and preprocessed input, and every tensor it made is freed, on success or failure.
 */
import * as tf from '@tensorflow/tfjs';
import type { BuiltResNet } from '../model';
import type { Preprocessing } from '../model/preprocessing';
import { readableLabel } from '../inspect/labels';
import { readAndDispose } from '../inspect/read';
import { baselineFor } from './baselines';
import { gradCam } from './grad-cam';
import { classLogit, denseLayer } from './logit';
import { integratedGradients } from './integrated-gradients';
import { saliency, smoothGrad } from './saliency';
import type { AttributeOptions, Attribution, AttributionRequest, UnitField, UnitRequest } from './types';
import { unitField } from './unit-field';
import { checkRequest, type CheckedRequest } from './validate';
import { valueRange } from './value-range';

/** One held image of a model: what the attributions read. */
export interface HeldImage {
  readonly built: BuiltResNet;
  readonly labels: readonly string[];
  readonly preprocessing: Preprocessing;
  /** A layer's activation, or the preprocessed input by the input layer's name; still the holder's. */
  activation(name: string): tf.Tensor;
}

interface Computed {
  readonly map: tf.Tensor2D;
  readonly logit: number;
  readonly inputMap?: tf.Tensor2D;
  readonly completenessGap?: number;
}

function topClass(image: HeldImage): number {
  const dense = image.built.layers.find((l) => l.kind === 'dense');
  if (!dense) throw new Error('This model has no dense head');
  return tf.tidy(() => image.activation(dense.name).reshape([-1]).argMax().arraySync() as number);
}

async function scalar(t: tf.Tensor): Promise<number> {
  return (await readAndDispose(t))[0];
}

/**
 * Runs `work` on its own reference to a held tensor: the holder may release the image while
 * a long run awaits between batches, and the run must not lose its input.
 */
async function withOwn<T>(image: HeldImage, name: string, work: (t: tf.Tensor4D) => Promise<T>): Promise<T> {
  const own = tf.clone(image.activation(name)) as tf.Tensor4D;
  try {
    return await work(own);
  } finally {
    own.dispose();
  }
}

async function compute(image: HeldImage, request: CheckedRequest, classIndex: number, input: tf.Tensor4D, options: AttributeOptions): Promise<Computed> {
  const { built } = image;
  switch (request.method) {
    case 'gradcam': {
      const { map, inputMap, logit } = gradCam(built, request.layer, input, classIndex, (name) => image.activation(name));
      return { map, inputMap, logit: await scalar(logit) };
    }
    case 'saliency':
    case 'smoothgrad': {
      // The logit from the held head input: no forward pass of its own.
      const logit = await scalar(tf.tidy(() => classLogit(built, image.activation(denseLayer(built).inputs[0]), classIndex).reshape([])));
      const settings = { samples: request.samples, sigma: request.sigma };
      // The held activations are this input's forward pass: saliency needs only the backward one.
      const map = request.method === 'saliency' ? saliency(built, input, classIndex, (name) => image.activation(name)) : await smoothGrad(built, input, classIndex, settings, options);
      return { map, logit };
    }
    case 'ig': {
      const baseline = baselineFor(request.baseline, input, image.preprocessing);
      try {
        const { map, logit, completenessGap } = await integratedGradients(built, input, baseline, classIndex, request.steps, options);
        return { map, logit, completenessGap };
      } finally {
        baseline.dispose();
      }
    }
  }
}

/** Runs `request` on the held image; throws a plain Error for a bad request, before any work. */
export async function attribute(image: HeldImage, request: AttributionRequest, options: AttributeOptions = {}): Promise<Attribution> {
  const checked = checkRequest(request, image.built.config, image.labels);
  const classIndex = checked.classIndex ?? topClass(image);
  const { map, logit, inputMap, completenessGap } = await withOwn(image, checked.layer, (input) => compute(image, checked, classIndex, input, options));
  const shape = map.shape.slice();
  const values = await readAndDispose(map);
  const upsampled = inputMap ? { shape: inputMap.shape.slice(), values: await readAndDispose(inputMap) } : null;
  return {
    method: checked.method, layer: checked.layer, classIndex,
    label: readableLabel(image.labels[classIndex] ?? `class ${classIndex}`),
    logit, shape, values, ...valueRange(values),
    completenessGap: completenessGap ?? null,
    inputMap: upsampled,
  };
}

/** The effective receptive field of one unit of the held image. */
export function unitFieldOf(image: HeldImage, request: UnitRequest): Promise<UnitField> {
  const input = image.built.layers.find((l) => l.kind === 'input');
  if (!input) throw new Error('This model has no input layer');
  return withOwn(image, input.name, (own) => unitField(image.built, own, request, (name) => image.activation(name)));
}
