/**
 * The one door between the page and the model. Everything that crosses it is plain data
 * (ids, numbers, strings, typed arrays), so it can cross a worker boundary as it is; no
 * tfjs type appears here, and app/ and ui/ reach the model through nothing else.
 *
 * Two implementations: the engine in this thread (Node, tests, the browser's fallback) and
 * a dedicated Web Worker (the browser's default), tested by one contract suite.
 */
import type { ModelSummary } from '../model/pure';
import type { PresetName } from '../model/pure';
import type { Comparison, LayerData, LayerScalar, LayerValues, Prediction } from '../inspect/types';
import type { BackendName, BackendWhy, StartFailure } from './backend-policy';
import type { HostWhy } from './host-policy';
import type { AttributeOptions, Attribution, AttributionRequest, UnitField, UnitRequest } from '../explain/types';
import type { LayerWeights } from '../inspect/weights-types';
import type { WeightsErrorKind } from '../model/weights/errors';

export type { BackendName } from './backend-policy';
export type {
  Comparison, LayerComparison, LayerData, LayerScalar, LayerValues, Prediction, TensorStats, BranchData,
} from '../inspect/types';
export type {
  AttributeOptions, Attribution, AttributionMethod, AttributionProgress, AttributionRequest, IgBaseline, UnitField, UnitRequest,
} from '../explain/types';
export type { LayerWeights, WeightTensor } from '../inspect/weights-types';

/** Where the model runs. */
export type ModelHost = 'worker' | 'page';

/** The backend that came up, why, and what else was tried. */
export interface BackendReport {
  readonly name: BackendName;
  readonly reason: string;
  readonly softwareWebGL: boolean;
  readonly renderer: string | null;
  /** Why it was chosen, as data (`reason` is the English, failures included). */
  readonly why: BackendWhy;
  /** Backends that failed to start before this one, with their errors. */
  readonly failures: readonly string[];
  /** The same, as data, for the page to say in its language. */
  readonly startFailures: readonly StartFailure[];
  /** WASM threads in use (1 when not cross-origin isolated); null elsewhere. */
  readonly threads: number | null;
  readonly host: ModelHost;
  /** Why the model runs in the page instead of a worker; null in a worker. */
  readonly hostReason: string | null;
  /** The same as data, for the page to say in its language; null in a worker and in Node. */
  readonly hostWhy: HostWhy | null;
}

/** What the page knows of WebGL before the engine starts (the engine may live elsewhere). */
export interface StartRequest {
  readonly requested: BackendName | null;
  /** The page's WebGL renderer, probed on a page canvas; null without WebGL. */
  readonly renderer: string | null;
  readonly webgl: boolean;
  /** The hardwareConcurrency the engine sees when a test sets it (test-seam.ts); tfjs sizes its WASM pool from it. */
  readonly cores?: number;
}

/** Loading steps, in order; `warming-up` compiles kernels (WebGL shaders) before the first image. */
export type LoadPhase = 'downloading' | 'building' | 'decoding' | 'warming-up';

export interface LoadProgress {
  readonly phase: LoadPhase;
  readonly loadedBytes: number;
  readonly totalBytes: number;
}

/** Loading as the page shows it. */
export interface LoadState {
  readonly phase: LoadPhase | 'ready' | 'failed';
  readonly loadedBytes: number;
  readonly totalBytes: number;
  readonly message: string | null;
}

export interface OpenRequest {
  readonly preset: PresetName;
  readonly seedLiteral: boolean;
  /** Where the ImageNet weights are served (a folder URL ending in "/"). */
  readonly weightsUrl: string;
  /** Run one blank image before the model is handed out (first-image latency). */
  readonly warmUp?: boolean;
  /**
   * When the weights cannot be loaded, still open the architecture (the page: the graph and
   * summary keep working) instead of failing (the command line). Default true.
   */
  readonly architectureIfWeightsFail?: boolean;
}

export interface OpenOptions {
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Aborting stops the downloads at once and rejects with an AbortError. */
  readonly signal?: AbortSignal;
}

/**
 * Why a preset opened without its weights, as data for the page to say in its language
 * (`OpenedModel.failure` is the English, for the command line and the logs).
 */
export interface OpenFailure {
  /** What was wrong with the weight files; 'other' for an error from elsewhere (tfjs, the browser), said by `detail`. */
  readonly kind: WeightsErrorKind | 'other';
  /** The file at fault, the tensor at fault, the HTTP status a server answered with. */
  readonly file: string | null;
  readonly tensor: string | null;
  readonly status: number | null;
  /** The problem in English, as the error said it. */
  readonly detail: string;
}

export interface OpenedModel {
  readonly modelId: number;
  readonly summary: ModelSummary;
  /**
   * False when only the architecture could be built (the weights failed to load): the
   * graph and summary work, classifying does not. `failure` says why.
   */
  readonly canClassify: boolean;
  readonly failure: string | null;
  /** The same as data (null when the model can classify). */
  readonly failureWhy: OpenFailure | null;
  /** True for the published ImageNet weights; false for the seeded assignment model. */
  readonly trained: boolean;
  /** The side of the square image the network reads. */
  readonly inputSize: number;
  /** Every class's readable name, by index (`class 0`... for a model without a label list). */
  readonly labels: readonly string[];
}

/** A file handed to the model: its name and its bytes (transferred to a worker, not copied). */
export interface ModelFile {
  readonly name: string;
  readonly bytes: ArrayBuffer;
}

/** How a person's model wants its pixels: x / 255 (the assignment), Keras "caffe", torch mean/std. */
export type PreprocessChoice = 'x255' | 'caffe' | 'torch';

export interface OpenFilesRequest {
  /** One model file (.keras, .h5, .weights.h5), or a tfjs model.json with all its .bin shards. */
  readonly files: readonly ModelFile[];
  /** Class names: a JSON list, a JSON object by index, or one name per line. */
  readonly labels?: ModelFile;
  /** Default: x255 for a 6-class model with the seed's names, caffe otherwise. */
  readonly preprocess?: PreprocessChoice;
  /** The input side for a file that does not fix it (weights only): default 64 (seed names) or 224. */
  readonly inputSize?: number;
  readonly warmUp?: boolean;
}

/** Where an opened model came from and how it was understood (for Diagnostics and menus). */
export interface ModelOrigin {
  readonly kind: 'file';
  /** The model's name for menus: the main file's name without its extension. */
  readonly name: string;
  readonly files: readonly string[];
  readonly format: 'keras' | 'h5' | 'weights-h5' | 'tfjs';
  readonly kerasVersion: string | null;
  /** Whose layer names the file uses: the assignment's or keras.applications'. */
  readonly scheme: 'seed' | 'applications';
  readonly preprocess: PreprocessChoice;
  /** Where the class names came from: the labels file, the SIGNS meanings, or `class N`. */
  readonly labels: 'file' | 'signs' | 'index';
  /** False when the input size is a default or the caller's (the file does not fix it). */
  readonly inputSizeFromFile: boolean;
  /** Why it gives no classes (a model saved without its head), or null. Its layers still run. */
  readonly noClasses: string | null;
}

export interface OpenedFileModel extends OpenedModel {
  readonly origin: ModelOrigin;
}

/** RGBA pixels as decoded from a file or a canvas. */
export interface Pixels {
  readonly pixels: Uint8Array | Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

export interface ClassifyOptions {
  readonly topK?: number;
  /**
   * Aborting before the pass starts drops it; a pass already running is finished and its
   * result discarded. Either way the call rejects with an AbortError.
   */
  readonly signal?: AbortSignal;
  /**
   * For implementations behind messages: resolves once every message the caller sent
   * before now has arrived (an abort among them), so a finished pass is kept only if its
   * caller still wants it.
   */
  readonly settle?: () => Promise<void>;
  /**
   * Residual blocks to switch off for this pass (res2a ... res5c; see explain/lesion-blocks.ts):
   * an identity block then outputs its input, a convolutional block only its projection
   * shortcut. The model's own weights are used; nothing is rebuilt. The result is held like
   * any other, without the removed branches' layers. An unknown name rejects with a message
   * naming the valid blocks.
   */
  readonly lesion?: readonly string[];
}

export interface BatchOptions {
  readonly topK?: number;
  /** As ClassifyOptions.lesion: these blocks switched off for every image of the batch. */
  readonly lesion?: readonly string[];
  /** Aborting before the batch starts drops it; a batch already running is finished and discarded. */
  readonly signal?: AbortSignal;
}

export interface BatchClassified {
  /** Top-K of each image, in the order given. */
  readonly predictions: readonly (readonly Prediction[])[];
  /** Wall time of the whole batch where the model runs. */
  readonly ms: number;
  readonly lesion: readonly string[];
}

export interface Classified {
  /** Names this image's activations for the reads below, until `release(resultId)`. */
  readonly resultId: number;
  readonly modelId: number;
  readonly predictions: readonly Prediction[];
  /** Wall time of the pass and of reading the top-k back, where the model runs. */
  readonly ms: number;
  /**
   * The pixels handed in, handed back: a worker takes the buffer (no copy) and returns it
   * with the answer, so the caller keeps using these and not the ones it passed.
   */
  readonly image: Pixels;
  /** The blocks that were switched off, in network order (absent or empty: the intact network). */
  readonly lesion?: readonly string[];
}

/** The resized network input, as RGBA for a canvas. */
export interface NetworkView {
  readonly size: number;
  readonly data: Uint8ClampedArray;
}

export interface MemoryReading {
  readonly numTensors: number;
  readonly numBytes: number;
}

export type ClientEvent =
  /** The WebGL context the engine computes with was lost; runs on it would return zeros. */
  | { readonly type: 'context-lost' }
  /** The engine died (its worker crashed or was closed): every pending call has failed. */
  | { readonly type: 'crashed'; readonly message: string };

export interface ModelClient {
  readonly host: ModelHost;
  /** Starts the first backend of the plan that works; once per client. */
  start(request: StartRequest): Promise<BackendReport>;
  /** Leaves the current backend for the first of `order` that starts; every open model is closed. */
  switchBackend(order: readonly BackendName[], why: string): Promise<BackendReport>;
  open(request: OpenRequest, options?: OpenOptions): Promise<OpenedModel>;
  /**
   * Opens a person's own ResNet50 from its files, read and checked where the model runs; a
   * bad file rejects with one plain message naming it. Close it with `closeModel` as any.
   */
  openFiles(request: OpenFilesRequest, options?: OpenOptions): Promise<OpenedFileModel>;
  classify(modelId: number, image: Pixels, options?: ClassifyOptions): Promise<Classified>;
  /**
   * Several images in one batch (the command line's `evaluate --batch N`): top-K of each and
   * nothing held, so there is nothing to release. The pixel buffers move to the engine.
   */
  classifyBatch(modelId: number, images: readonly Pixels[], options?: BatchOptions): Promise<BatchClassified>;
  /**
   * Frees an image's activations: the engine holds every result until it is released (or
   * its model closed), a few at most per model, the oldest dropped beyond that.
   */
  release(resultId: number): Promise<void>;
  /** Statistics, histogram, every value (channel maps) and, for an add, both branches. */
  layer(resultId: number, name: string): Promise<LayerData>;
  layerScalars(resultId: number, statistic: LayerScalar): Promise<Readonly<Record<string, number>>>;
  /** Class activation map for one class, upsampled to the input size. */
  cam(resultId: number, classIndex: number): Promise<LayerValues>;
  networkView(resultId: number): Promise<NetworkView>;
  /**
   * Two held images of one model (or one image intact and lesioned), compared at every layer
   * both hold: cosine similarity and ‖A − B‖ / ‖A‖.
   */
  compare(resultA: number, resultB: number): Promise<Comparison>;
  /**
   * Why the network decided: Grad-CAM at a layer, saliency, SmoothGrad or integrated
   * gradients for one class of a held image. Long runs report progress and stop on abort.
   */
  attribute(resultId: number, request: AttributionRequest, options?: AttributeOptions): Promise<Attribution>;
  /** One unit's effective receptive field on a held image, beside its theoretical field. */
  unitField(resultId: number, request: UnitRequest, options?: AttributeOptions): Promise<UnitField>;
  /**
   * A layer's weights (no image needed): each tensor's shape, figures and histogram, and its
   * values when they are few (MAX_WEIGHT_VALUES), transferred. Empty for a layer without weights.
   */
  weights(modelId: number, layer: string): Promise<LayerWeights>;
  memory(): Promise<MemoryReading>;
  /** Frees a model's weights and its activations. */
  closeModel(modelId: number): Promise<void>;
  onEvent(listener: (event: ClientEvent) => void): () => void;
  /** Frees everything; a worker is terminated. */
  dispose(): void;
}
