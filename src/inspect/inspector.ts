/**
 * One forward pass per image: predictions plus every named layer's output, kept on the
 * backend until the next image replaces them. The Inspector owns those tensors.
 */
import * as tf from '@tensorflow/tfjs';
import type { BuiltResNet, LayerInfo } from '../model';
import { readableLabel } from './labels';
import { readAndDispose } from './read';
import { tensorStats } from './stats';
import type { LayerScalar, LayerValues, Prediction, TensorStats } from './types';
import { UnknownLayerError } from './errors';
import { upsampleToInput } from './upsample';

export interface RunResult {
  readonly predictions: readonly Prediction[];
  /** Wall time of the pass and of reading the top-k back. */
  readonly ms: number;
  /** False when `keep` said no: the previous image's activations are still the current ones. */
  readonly kept: boolean;
  /** Names this image's activations for the reads below (when kept). */
  readonly capture: number;
}

export interface RunOptions {
  /**
   * Asked once the pass has finished: false throws the new activations away and keeps the
   * previous image's (the caller no longer wants this result, e.g. a newer image came in).
   */
  readonly keep?: () => boolean | Promise<boolean>;
  /**
   * Keep this image's activations beside the ones already held, under this id, until
   * `release(id)`: for a caller that shows one image while the next runs (the model client).
   * Without it, the new activations replace all others.
   */
  readonly id?: number;
  /**
   * Computes the layers another way than the built model's graph (the network with blocks
   * switched off): every layer it returns is held, and the head (the dense layer) must be
   * among them. The tensors become the inspector's.
   */
  readonly forward?: (input: tf.Tensor4D) => Map<string, tf.Tensor>;
}

const SCALARS: Record<LayerScalar, (t: tf.Tensor) => tf.Scalar> = {
  mean: (t) => t.mean(),
  zeroFraction: (t) => t.equal(0).cast('float32').mean(),
  max: (t) => t.max(),
};

export class Inspector {
  private readonly captured: readonly LayerInfo[];
  /** The symbolic output of each captured layer, by the name tfjs's executor looks it up. */
  private readonly outputNames: readonly string[];
  /** Each held image's activations, by capture id, oldest first. */
  private captures = new Map<number, Map<string, tf.Tensor>>();
  /** The input layer's name: each capture keeps the preprocessed input under it (for gradients). */
  private readonly inputName: string;
  private disposed = false;

  /** `built` stays the caller's: the inspector runs its model and never disposes it. */
  constructor(readonly built: BuiltResNet, readonly labels: readonly string[]) {
    const { model, layers } = built;
    this.captured = layers.filter((l) => l.kind !== 'input');
    this.inputName = layers.find((l) => l.kind === 'input')?.name ?? 'input';
    this.outputNames = this.captured.map((l) => (model.getLayer(l.name).output as tf.SymbolicTensor).name);
  }

  get layerNames(): readonly string[] {
    return this.captured.map((l) => l.name);
  }

  get hasActivations(): boolean {
    return this.captures.size > 0;
  }

  /**
   * Runs one image (batch of one, already preprocessed; not disposed here). The previous
   * image's activations stay current until this pass has succeeded and `keep` agrees, so a
   * failed or unwanted run never leaves the inspector showing an image nobody sees.
   */
  async run(input: tf.Tensor4D, topK = 5, options: RunOptions = {}): Promise<RunResult> {
    this.assertAlive();
    const start = performance.now();
    const held = options.forward?.(input) ?? this.execute(input);
    const head = held.get(this.captured[this.captured.length - 1].name);
    let kept: boolean;
    let predictions: Prediction[];
    try {
      if (!head) throw new Error('The pass did not compute the network’s head');
      // A model without its head (include_top=False) has activations but no classes.
      predictions = this.built.config.head === 'none' ? [] : await this.topK(head, topK);
      kept = (await (options.keep?.() ?? true)) && !this.disposed;
    } catch (err) {
      tf.dispose([...held.values()]);
      throw err;
    }
    const capture = options.id ?? 0;
    if (!kept) {
      tf.dispose([...held.values()]);
    } else {
      if (options.id === undefined) this.clear();
      else this.release(capture);
      // The input too (a clone shares its data): gradients with respect to it start there.
      this.captures.set(capture, held.set(this.inputName, input.clone()));
    }
    return { predictions, ms: performance.now() - start, kept, capture };
  }

  /** Every captured layer's output from the built model's graph, by name. */
  private execute(input: tf.Tensor4D): Map<string, tf.Tensor> {
    // execute(), not predict() on a multi-output model: predict's batching loop ends in
    // concat([batch]), which for one batch copies every output (all 177 activations, about
    // 120 MB on ImageNet: ~30 ms a pass on WASM) only to throw the originals away.
    const outputs = this.built.model.execute(input, [...this.outputNames]) as tf.Tensor[];
    return new Map(this.captured.map((l, i) => [l.name, outputs[i]]));
  }

  /** The captured layers a held image has, in build order (a lesioned pass lacks its removed branches). */
  heldNames(id?: number): string[] {
    const capture = this.captureOf(id);
    if (!capture) throw new Error(this.captures.size > 0 ? 'That image’s activations were released' : 'No image has been run yet');
    return this.captured.filter((l) => capture.has(l.name)).map((l) => l.name);
  }

  private captureOf(id?: number): Map<string, tf.Tensor> | undefined {
    return id === undefined ? [...this.captures.values()].pop() : this.captures.get(id);
  }

  private async topK(probabilities: tf.Tensor, k: number): Promise<Prediction[]> {
    const { values, indices } = tf.tidy(() => tf.topk(probabilities.reshape([-1]), Math.min(k, probabilities.size)));
    const [p, idx] = await Promise.all([values.data(), indices.data()]);
    tf.dispose([values, indices]);
    return Array.from(idx, (index, i) => ({
      index,
      label: readableLabel(this.labels[index] ?? `class ${index}`),
      probability: p[i],
    }));
  }

  /**
   * The activation tensor of a layer (or the preprocessed input, by the input layer's name),
   * of capture `id` (the newest by default); still owned here: never dispose it.
   */
  activation(name: string, id?: number): tf.Tensor {
    this.assertAlive();
    const capture = this.captureOf(id);
    const t = capture?.get(name);
    if (t) return t;
    if (!this.layerNames.includes(name)) throw new UnknownLayerError(name, this.layerNames);
    if (capture) throw new Error(`“${name}” is not part of this image’s pass: its block was switched off`);
    if (id !== undefined && this.captures.size > 0) throw new Error('That image’s activations were released');
    throw new Error('No image has been run yet');
  }

  layerStats(name: string, capture?: number): Promise<TensorStats> {
    return tensorStats(this.activation(name, capture));
  }

  /** Every value of a layer; the array is the caller's (it may be transferred to another thread). */
  async layerValues(name: string, capture?: number): Promise<LayerValues> {
    const t = this.activation(name, capture);
    const values = (await t.data()) as Float32Array;
    // WASM reads out a fresh copy; CPU hands out its own storage and WebGL its cached
    // download, both kept with the tensor: a transfer would empty them, so copy those.
    return { shape: t.shape.slice(1), values: tf.getBackend() === 'wasm' ? values : values.slice() };
  }

  /**
   * Class activation map for `classIndex`: the last conv block's output weighted by that
   * class's dense weights (exact for a global-average-pool head), upsampled to the input.
   */
  async cam(classIndex: number, capture?: number): Promise<LayerValues> {
    const [height, width] = this.built.config.inputShape;
    const map = tf.tidy(() => upsampleToInput(this.camMap(classIndex, capture), this.built));
    return { shape: [height, width], values: await readAndDispose(map) };
  }

  /**
   * The class activation map at the last block's resolution, [1, h, w, 1], before any
   * upsampling; the caller disposes it.
   */
  camMap(classIndex: number, capture?: number): tf.Tensor4D {
    const pool = this.built.layers.find((l) => l.kind === 'avg-pool');
    const dense = this.built.layers.find((l) => l.kind === 'dense');
    if (!pool || !dense) throw new Error('This model has no pooled dense head');
    const features = this.activation(pool.inputs[0], capture) as tf.Tensor4D;
    return tf.tidy(() => {
      const kernel = this.built.model.getLayer(dense.name).getWeights()[0];
      const weights = kernel.slice([0, classIndex], [-1, 1]).reshape([-1]);
      return features.mul(weights).sum(-1, true) as tf.Tensor4D;
    });
  }

  /**
   * One number per captured layer (for tinting the graph), computed on the backend and
   * read back in a single download.
   */
  async layerScalars(statistic: LayerScalar, capture?: number): Promise<Map<string, number>> {
    this.assertAlive();
    if (!this.hasActivations) return new Map();
    const reduce = SCALARS[statistic];
    const names = this.heldNames(capture);
    const packed = tf.tidy(() => tf.stack(names.map((name) => reduce(this.activation(name, capture)))));
    const values = await readAndDispose(packed);
    return new Map(names.map((name, i) => [name, values[i]]));
  }

  /** Disposes one image's activations (nothing when they are already gone). */
  release(capture: number): void {
    const held = this.captures.get(capture);
    if (held) tf.dispose([...held.values()]);
    this.captures.delete(capture);
  }

  /** Disposes every held image's activations. */
  clear(): void {
    for (const id of [...this.captures.keys()]) this.release(id);
  }

  /** Disposes the activations; the model's weights stay with whoever built it. */
  dispose(): void {
    this.clear();
    this.disposed = true;
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('This inspector was disposed');
  }
}
