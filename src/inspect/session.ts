/**
 * A model session: one built ResNet50 (with real weights for ImageNet), its summary and its
 * Inspector. Owns every tensor it makes; `dispose()` returns numTensors to where it was.
 */
import * as tf from '@tensorflow/tfjs';
import {
  buildResNet50, loadImagenet, presetConfig, releaseDerived, summarize,
  type BuiltResNet, type ImagenetLoadOptions, type LoadPhase, type ModelSummary, type PresetName,
} from '../model';
import { preprocessResized, resizeImage } from '../model/preprocess';
import { SEEDED_PREPROCESSING, type Preprocessing } from '../model/preprocessing';
import type { WeightsSource } from '../model/weights/source';
import { Inspector, type RunOptions, type RunResult } from './inspector';

/** Loading progress of a session, as the UI shows it. */
export interface SessionLoad {
  readonly phase: LoadPhase | 'ready' | 'failed';
  readonly loadedBytes: number;
  readonly totalBytes: number;
  readonly message: string | null;
}

export interface SessionOptions extends ImagenetLoadOptions {
  readonly preset: PresetName;
  readonly seedLiteral: boolean;
  /** Where the ImageNet weights come from; required for the imagenet preset. */
  readonly weights?: WeightsSource;
  /** Run one blank image before the session is handed out (first-image latency). */
  readonly warmUp?: boolean;
  /**
   * Build the preset's layers with zero weights, downloading nothing: the graph, summary and
   * shapes still work when the ImageNet weights cannot be loaded. Not for classifying.
   */
  readonly architectureOnly?: boolean;
}

/** RGBA pixels as decoded from a file or a canvas. */
export interface Pixels {
  readonly pixels: Uint8Array | Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

export class ModelSession {
  readonly summary: ModelSummary;
  readonly inspector: Inspector;

  private constructor(
    readonly built: BuiltResNet,
    labels: readonly string[],
    /** What the weights expect of their input: it travels with the weights, not with a flag. */
    readonly preprocessing: Preprocessing,
    /** True when the weights are the published ImageNet ones; false for seeded random init. */
    readonly trained: boolean,
  ) {
    this.summary = summarize(built);
    this.inspector = new Inspector(built, labels);
  }

  /**
   * A session over a model built and filled elsewhere (a person's model file): it becomes
   * the session's, freed by `dispose()`.
   */
  static fromBuilt(built: BuiltResNet, labels: readonly string[], preprocessing: Preprocessing): ModelSession {
    return new ModelSession(built, labels, preprocessing, true);
  }

  static async open(options: SessionOptions): Promise<ModelSession> {
    const session = await ModelSession.create(options);
    if (options.warmUp) {
      options.onPhase?.('warming-up');
      try {
        await session.warmUp();
      } catch (err) {
        session.dispose();
        throw err;
      }
    }
    return session;
  }

  private static async create(options: SessionOptions): Promise<ModelSession> {
    if (options.preset === 'imagenet' && !options.seedLiteral && !options.architectureOnly) {
      if (!options.weights) throw new Error('The ImageNet preset needs a weights source');
      const model = await loadImagenet(options.weights, options);
      return new ModelSession(model.built, model.labels, model.preprocessing, true);
    }
    options.onPhase?.('building');
    const config = presetConfig(options.preset, { seedLiteral: options.seedLiteral });
    const built = buildResNet50(config, { initializer: options.architectureOnly ? 'zeros' : 'seeded' });
    const labels = Array.from({ length: built.config.classes }, (_, i) => `class ${i}`);
    return new ModelSession(built, labels, SEEDED_PREPROCESSING, false);
  }

  /**
   * One pass on a blank image, then forgotten: compiles the backend's kernels (WebGL
   * shaders) so the first real image is as fast as the rest.
   */
  async warmUp(): Promise<number> {
    const start = performance.now();
    const blank = tf.zeros([1, ...this.built.config.inputShape]) as tf.Tensor4D;
    try {
      await compileShadersInParallel(() => this.built.model.predict(blank) as tf.Tensor);
      await this.inspector.run(blank, 1);
    } finally {
      blank.dispose();
      this.inspector.clear();
    }
    return performance.now() - start;
  }

  get preset(): PresetName {
    return this.built.config.preset;
  }

  /**
   * Preprocesses and runs one image, as its weights expect (Keras "caffe" mode for the
   * ImageNet weights; the assignment's x / 255 for the seeded model). The input is freed here.
   */
  async classify(image: Pixels, topK = 5, options: RunOptions = {}): Promise<RunResult> {
    const resized = resizeImage(image.pixels, image.width, image.height, this.built.config.inputShape[0]);
    try {
      return await this.classifyResized(resized, topK, options);
    } finally {
      resized.dispose();
    }
  }

  /** `classify` for an image already resized to the input (`resizeImage`); `resized` is left alone. */
  async classifyResized(resized: tf.Tensor3D, topK = 5, options: RunOptions = {}): Promise<RunResult> {
    const input = preprocessResized(resized, this.preprocessing);
    try {
      return await this.inspector.run(input, topK, options);
    } finally {
      input.dispose();
    }
  }

  dispose(): void {
    this.inspector.dispose();
    // Tensors made from the weights (the explain room's backward kernels) go with them.
    releaseDerived(this.built.model);
    this.built.model.dispose();
  }
}

interface ParallelCompiler {
  checkCompileCompletionAsync(): Promise<boolean[]>;
  getUniformLocations(): void;
}

/**
 * On WebGL, a compile-only pass hands every shader to the driver at once (parallel compile
 * where KHR_parallel_shader_compile exists) instead of one by one during the first run.
 */
async function compileShadersInParallel(pass: () => tf.Tensor): Promise<void> {
  if (tf.getBackend() !== 'webgl') return;
  const backend = tf.backend() as unknown as Partial<ParallelCompiler>;
  if (!backend.checkCompileCompletionAsync || !backend.getUniformLocations) return;
  tf.env().set('ENGINE_COMPILE_ONLY', true);
  let output: tf.Tensor | null = null;
  try {
    output = pass();
  } finally {
    tf.env().set('ENGINE_COMPILE_ONLY', false);
  }
  await backend.checkCompileCompletionAsync();
  backend.getUniformLocations();
  output.dispose();
}
