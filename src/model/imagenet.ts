/** The ImageNet ResNet50 with real weights: build our own model, then fill it by name. */
import type { Preprocessing } from './preprocessing';
import { presetConfig } from './presets';
import { buildResNet50, type BuiltResNet } from './resnet50';
import { IMAGENET_WEIGHTS } from './weights/descriptor';
import { fetchWeights, loadLabels, loadWeightsInto, type LoadProgress } from './weights/load';
import type { WeightsVariant } from './weights/manifest';
import type { WeightsSource } from './weights/source';

export interface ImagenetModel {
  /** Owned by the caller: `built.model.dispose()` frees the weights. */
  readonly built: BuiltResNet;
  /** Class names as stored (with underscores), by index. */
  readonly labels: readonly string[];
  readonly variant: WeightsVariant | undefined;
  /** How these weights want their input: pass it to `preprocess`. */
  readonly preprocessing: Preprocessing;
  /** False only where Web Crypto is missing (SHA-256 could not be checked). */
  readonly hashesChecked: boolean;
}

/** Loading steps, in order; `warming-up` compiles kernels (WebGL shaders) before the first image. */
export type LoadPhase = 'downloading' | 'building' | 'decoding' | 'warming-up';

export interface ImagenetLoadOptions {
  readonly onProgress?: (progress: LoadProgress) => void;
  readonly onPhase?: (phase: LoadPhase) => void;
}

/**
 * Downloads and checks the weights first (no tensors yet), then builds the model and sets
 * every weight by layer name. Nothing is left allocated if any step fails.
 */
export async function loadImagenet(source: WeightsSource, options: ImagenetLoadOptions = {}): Promise<ImagenetModel> {
  options.onPhase?.('downloading');
  const [fetched, labels] = await Promise.all([
    fetchWeights(source, options.onProgress),
    loadLabels(source),
  ]);
  options.onPhase?.('building');
  const built = buildResNet50(presetConfig('imagenet'), { initializer: 'zeros' });
  try {
    options.onPhase?.('decoding');
    loadWeightsInto(built.model, fetched);
  } catch (err) {
    built.model.dispose();
    throw err;
  }
  const { variant } = fetched.manifest;
  const { preprocessing } = IMAGENET_WEIGHTS[variant ?? 'float32'];
  return { built, labels, variant, preprocessing, hashesChecked: fetched.hashesChecked };
}
