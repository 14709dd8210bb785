/**
 * Plain-data shapes the benchmark passes around: from the bench page to the driver, from
 * the Node child to the driver, and into the final report.
 */

export type BenchBackend = 'wasm' | 'webgl';

/** What one in-page (or Node) run does. */
export interface RunPlan {
  readonly backend: BenchBackend;
  /**
   * The model on both sides: 'imagenet' (the float16 weights); 'signs' (the same network at
   * 64 x 64 with seeded weights) only for software WebGL in a quick run.
   */
  readonly preset: 'imagenet' | 'signs';
  /** Timed rounds; each round is one bare predict and one pipeline run, interleaved. */
  readonly rounds: number;
  /** Untimed runs of each after the first ones (which already compile every kernel). */
  readonly warmRuns: number;
  /** Images (pipeline runs) in all, for the memory figures; at least 1 + warmRuns + rounds. */
  readonly images: number;
  /** The layer the pipeline reads, as if it were selected in the inspector. */
  readonly layer: string;
}

/** Medians of the pipeline's parts, in milliseconds. */
export interface PipelineParts {
  /** File bytes to RGBA pixels. */
  readonly decodeMs: number;
  /** client.classify, as its caller waits for it: preprocessing, the one pass that keeps every named layer, top-5, the network's view, the messages. */
  readonly classifyMs: number;
  /** The part of it the engine reports (Classified.ms): the pass and reading the top-k back, timed where it runs. */
  readonly passMs: number;
  /** The selected layer's statistics, histogram and values, and the network's view, asked together. */
  readonly layerDataMs: number;
}

export interface MemoryFigures {
  /** Images run when the last reading was taken (50 in a full run). */
  readonly images: number;
  readonly numTensorsAfter1: number;
  readonly numTensorsAfterLast: number;
  readonly bytesAfter1: number;
  readonly bytesAfterLast: number;
  /** Growth between the two readings (0 when nothing leaks). */
  readonly numTensorsGrowth: number;
  readonly bytesGrowth: number;
  /** Tensors left once the session is disposed, against before it opened. */
  readonly numTensorsLeftAfterDispose: number;
}

/** The figures both the browser page and Node produce for one backend. */
export interface CoreFigures {
  readonly rounds: number;
  readonly baselineMs: number;
  readonly pipelineMs: number;
  readonly ratio: number;
  readonly firstPredictMs: number;
  readonly warmPredictMs: number;
  /** firstPredictMs / warmPredictMs: what warm-up (shader compilation on WebGL) costs. */
  readonly warmUpRatio: number;
  /** The first pipeline run (the first pass that keeps every layer). */
  readonly firstPipelineMs: number;
  readonly parts: PipelineParts;
  readonly memory: MemoryFigures;
}

export interface EngineInfo {
  readonly backend: string;
  /** Where the engine ran: 'worker' (the bench worker, as in the app). */
  readonly host: string;
  /** The model measured (RunPlan.preset). */
  readonly preset: string;
  /** WASM threads in use; 0 when not on WASM. */
  readonly threads: number;
  readonly softwareRendered: boolean;
  readonly renderer: string;
  readonly crossOriginIsolated: boolean;
  /** Weights download + model build + weight decoding (the baseline's model, no warm-up). */
  readonly loadMs: number;
}

export type BackendFigures = EngineInfo & CoreFigures;

/** The library in Node (WASM backend, no browser). */
export interface NodeFigures extends CoreFigures {
  readonly backend: string;
  readonly threads: number;
  readonly loadMs: number;
}

/** The real app in the browser: the layer switch. */
export interface LayerSwitchFigures {
  readonly layerSwitchMs: number;
  /** Medians of the parts: the inspector names the layer; its data is read and rendered. */
  readonly layerSwitchShownMs: number;
  readonly layerSwitchDataMs: number;
  readonly layerSwitches: number;
  /** The layers' shape, height x width x channels. */
  readonly layerSwitchShape: readonly number[];
  /** The backend the app chose by itself, and its WASM threads. */
  readonly appBackend: string;
  readonly appThreads: number;
}

/** Tensors counted inside the real app's model worker (globalThis._tfengine.memory() there). */
/** The app's model worker: the same readings, with no session disposed at the end. */
export type WorkerMemoryFigures = Omit<MemoryFigures, 'numTensorsLeftAfterDispose'>;

/** The real app's main thread over a run of images (PerformanceObserver 'longtask'). */
export interface MainThreadFigures {
  readonly backend: string;
  /** The preset the run used: 'signs' on software WebGL (ImageNet takes 10-60 s an image there). */
  readonly preset: string;
  readonly softwareRendered: boolean;
  /** Images in the timed window, one after another, each until shown (top-5, layer, files list). */
  readonly images: number;
  /** The longest main-thread task from the first image's submission to the last one shown. */
  readonly longestTaskMs: number;
  /** Main-thread tasks over 50 ms in that window. */
  readonly longTasks: number;
  readonly longTasksTotalMs: number;
  /** Median, submission to shown, per image. */
  readonly perImageMs: number;
  /** The same, from navigation until the model was ready (page start, graph, weights). */
  readonly startupLongestTaskMs: number;
  readonly startupLongTasks: number;
}

/** The real app in the browser: cold start, weights traffic and the layer switch. */
export interface AppFigures extends LayerSwitchFigures {
  /** Navigation start to the first graph node ("stage 2") drawn, empty HTTP cache (median). */
  readonly firstGraphMs: number;
  readonly firstGraphWarmCacheMs: number;
  /** gzip (zlib level 9) of the scripts and modulepreloads index.html references. */
  readonly mainBundleGzipBytes: number;
  readonly mainBundleBytes: number;
  readonly mainBundleFiles: number;
  /** Counted inside the app's model worker, WASM, after image 1 and the last. */
  readonly workerMemory: WorkerMemoryFigures;
  readonly coldStartRuns: number;
  /** Navigation start to five predictions on screen, fresh browser profile (medians). */
  readonly coldStartEmptyCacheMs: number;
  /** The same, loaded again in that profile: its HTTP cache holds everything. */
  readonly coldStartWarmCacheMs: number;
  readonly weightsBytesTransferredEmptyCache: number;
  readonly weightsBytesTransferredWarmCache: number;
  /** Share of the weight files fetched that were float16 (1 = float16 only). */
  readonly float16Share: number;
}

/**
 * The attribution figures (issue 11, "Speed"): Grad-CAM, saliency, integrated gradients and
 * one unit's effective receptive field through the model client on WASM, each against the
 * bare predict of the same model in the same worker, interleaved.
 */
export interface AttributionPlan {
  readonly backend: 'wasm';
  /** 'imagenet' in a full run; 'signs' (64 x 64, seeded weights) in a quick one. */
  readonly preset: 'imagenet' | 'signs';
  /** Timed rounds of Grad-CAM, saliency and the unit field, each after a bare predict of its own. */
  readonly rounds: number;
  /** Timed integrated-gradients runs (`igSteps` gradients each, batched). */
  readonly igRounds: number;
  /** Untimed integrated-gradients runs first (on ImageNet the saliency warm-up already ran its batch-of-one backward pass). */
  readonly igWarmRuns: number;
  readonly igSteps: number;
  /** Grad-CAM and saliency requests between the two memory readings (the timed ones, then more, alternated). */
  readonly memoryAttributions: number;
  /** The layer of the unit whose effective receptive field is measured (at the map's centre). */
  readonly unitLayer: string;
  /** Batch sizes of the bare batched forward passes whose cost per image is measured (the floor under integrated gradients). */
  readonly forwardBatches: readonly number[];
  /** The sample images (under /samples/) whose IG completeness gap is measured, at each of `gapSteps`, from `gapBaseline`. */
  readonly gapImages: readonly string[];
  readonly gapSteps: readonly number[];
  readonly gapBaseline: 'black' | 'blur';
}

/** One bare forward pass of a batch of copies of the sample, per image, against one forward pass of one image. */
export interface ForwardBatchFigure {
  readonly batch: number;
  readonly msPerImage: number;
  readonly ratio: number;
}

/** Integrated gradients' completeness gap on one sample image (its top class) at one step count. */
export interface CompletenessFigure {
  readonly image: string;
  readonly baseline: string;
  readonly steps: number;
  readonly gap: number;
}

/**
 * tf.memory() inside the worker before the timed runs (after one untimed run of each
 * method) and after them plus more Grad-CAM / saliency requests.
 */
export interface AttributionMemoryFigures {
  /** Grad-CAM and saliency requests between the readings (AttributionPlan.memoryAttributions). */
  readonly gradCamSaliencyRequests: number;
  /** Every client.attribute between them (integrated gradients included). */
  readonly attributions: number;
  /** client.unitField requests between them. */
  readonly unitFields: number;
  readonly numTensorsBefore: number;
  readonly numTensorsAfter: number;
  readonly bytesBefore: number;
  readonly bytesAfter: number;
  readonly numTensorsGrowth: number;
  readonly bytesGrowth: number;
}

export interface AttributionFigures {
  readonly backend: string;
  readonly host: string;
  /** The model every figure here used, the baseline's included (AttributionPlan.preset). */
  readonly preset: string;
  readonly threads: number;
  readonly rounds: number;
  readonly igRounds: number;
  /** Median bare predict (+ reading the probabilities), timed in the worker, interleaved with the runs below. */
  readonly baselineMs: number;
  /** Grad-CAM at the default layer (the last block's output), the image's top class. */
  readonly gradCamLayer: string;
  readonly gradCamMs: number;
  readonly gradCamRatio: number;
  /** Vanilla gradient saliency, the top class. */
  readonly saliencyMs: number;
  readonly saliencyRatio: number;
  /** Integrated gradients, `igSteps` steps from the black baseline, batched as the engine runs them (1 image a batch on ImageNet, 8 on SIGNS). */
  readonly igSteps: number;
  readonly igBaseline: string;
  readonly igMs: number;
  readonly igRatio: number;
  readonly igCompletenessGap: number;
  /** Gradients a batch computes in the engine (src/explain/batch-size.ts). */
  readonly igBatch: number;
  /**
   * Bare batched forward passes (the model's own predict, no gradient), per image, at each
   * AttributionPlan.forwardBatches, interleaved with the one-image baseline: how much
   * cheaper an image is in a batch on this machine.
   */
  readonly forwardBatches: readonly ForwardBatchFigure[];
  /**
   * igSteps x the cheapest per-image forward ratio above: what the forward passes alone of
   * integrated gradients cost, at best, in one-image forward passes (each step also needs
   * its backward pass). Above the 16x target, no batching can meet it on this hardware.
   */
  readonly igForwardFloorRatio: number;
  /** The completeness gap on the sample images at each AttributionPlan.gapSteps. */
  readonly igGaps: readonly CompletenessFigure[];
  /** The largest gap at the most steps, over the sample images. */
  readonly igGapAtMostSteps: number;
  /** One unit's effective receptive field: `unitLayer` at (unitRow, unitCol), the map's centre. */
  readonly unitLayer: string;
  readonly unitRow: number;
  readonly unitCol: number;
  readonly unitFieldMs: number;
  readonly unitFieldRatio: number;
  readonly memory: AttributionMemoryFigures;
}

/**
 * The experiment figures (issue 12, "Speed"): a block switched off until the new top-5 is in,
 * and the comparison curve of two held images drawn after B's pass, through the model client
 * on WASM in the bench worker; evaluate's images per second on one thread and on two (Node).
 */
export interface ExperimentPlan {
  readonly backend: 'wasm';
  readonly preset: 'imagenet' | 'signs';
  /** Timed rounds: a bare predict, a lesion toggle, a bare predict, B's pass and its curve. */
  readonly rounds: number;
  /** The block switched off for the toggle (a convolutional block: the larger change). */
  readonly lesionBlock: string;
  /** The curve's width in CSS pixels, as on a 1280-wide page. */
  readonly curveWidth: number;
}

export interface ExperimentPageFigures {
  readonly backend: string;
  readonly host: string;
  readonly preset: string;
  readonly threads: number;
  readonly rounds: number;
  /** Median bare predict (+ reading the probabilities), timed in the worker, interleaved. */
  readonly baselineMs: number;
  readonly lesionBlock: string;
  /** client.classify of the held image with the block off, top-5 (what ClassifyQueue.setLesion asks), timed by the page. */
  readonly lesionToggleMs: number;
  readonly lesionToggleRatio: number;
  /** client.compare(A, B), from B's pass resolving until the figures are on the page. */
  readonly compareMs: number;
  /** From B's pass resolving until the curve (CompareCurve, React) is in the DOM and a frame has passed. */
  readonly compareCurveMs: number;
  /** Layers on the curve. */
  readonly compareLayers: number;
}

export interface EvaluateFigures {
  readonly preset: string;
  /** Images timed on each side (after one warm image per engine). */
  readonly images: number;
  readonly imagesPerSecond1: number;
  readonly imagesPerSecond2: number;
  /** imagesPerSecond2 / imagesPerSecond1. */
  readonly threadsRatio: number;
  /** `evaluate --batch`: images in one forward pass, on one thread. */
  readonly batch: number;
  readonly imagesPerSecondBatch: number;
  /** imagesPerSecondBatch / imagesPerSecond1: above 1 where batching helps. */
  readonly batchRatio: number;
}

export interface ExperimentFigures extends ExperimentPageFigures {
  readonly evaluate: EvaluateFigures;
}
