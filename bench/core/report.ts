/**
 * The benchmark's one JSON document, and its schema: every figure must be present and a
 * finite number. `validateReport` is what the test runs on a real (quick) run's output.
 */
import type { AppFigures, AttributionFigures, BackendFigures, CoreFigures, ExperimentFigures, MainThreadFigures, NodeFigures } from './types';

export interface ThreadsFigures {
  /** Single-threaded median predict / threaded median predict (WASM, SIMD both). */
  readonly ratio: number;
  /** Threads in the threaded run (the pool the app uses when cross-origin isolated). */
  readonly threads: number;
  readonly threadedMs: number;
  readonly singleThreadedMs: number;
  readonly singleThreads: number;
}

export interface Target {
  readonly name: string;
  readonly value: number;
  readonly op: '<=' | '>=' | '==';
  readonly limit: number;
  readonly met: boolean;
}

export interface BenchReport {
  readonly schemaVersion: number;
  readonly date: string;
  readonly quick: boolean;
  readonly durationS: number;
  readonly machine: {
    readonly cpus: number;
    readonly node: string;
    readonly chromium: string;
    readonly platform: string;
    /** 1-minute load average when the run started and ended: above `cpus`, other work competed. */
    readonly loadAverageStart: number;
    readonly loadAverageEnd: number;
  };
  readonly browser: { readonly wasm: BackendFigures; readonly webgl: BackendFigures };
  readonly node: { readonly wasm: NodeFigures };
  readonly threads: ThreadsFigures;
  readonly weightsBytes: { readonly float32: number; readonly float16: number };
  readonly app: AppFigures;
  readonly mainThread: { readonly wasm: MainThreadFigures; readonly webgl: MainThreadFigures };
  /** Grad-CAM, saliency, integrated gradients and a unit's effective field / one forward pass (WASM, the bench worker). */
  readonly attribution: AttributionFigures;
  /** A lesion toggle and the comparison curve / one forward pass (bench worker); evaluate on 1 and 2 threads (Node). */
  readonly experiments: ExperimentFigures;
  readonly targets: readonly Target[];
}

type Leaf = 'number' | 'string' | 'boolean';
/** A spec with exactly the type's keys: adding a field to a type without its spec fails to compile. */
type Spec<T> = T extends number ? 'number'
  : T extends string ? 'string'
  : T extends boolean ? 'boolean'
  : T extends readonly (infer U)[] ? readonly [Spec<U>]
  : { readonly [K in keyof T]-?: Spec<T[K]> };

const CORE: Spec<CoreFigures> = {
  rounds: 'number', baselineMs: 'number', pipelineMs: 'number', ratio: 'number',
  firstPredictMs: 'number', warmPredictMs: 'number', warmUpRatio: 'number', firstPipelineMs: 'number',
  parts: { decodeMs: 'number', classifyMs: 'number', passMs: 'number', layerDataMs: 'number' },
  memory: {
    images: 'number', numTensorsAfter1: 'number', numTensorsAfterLast: 'number', bytesAfter1: 'number',
    bytesAfterLast: 'number', numTensorsGrowth: 'number', bytesGrowth: 'number', numTensorsLeftAfterDispose: 'number',
  },
};

const BROWSER: Spec<BackendFigures> = {
  ...CORE, backend: 'string', host: 'string', preset: 'string', threads: 'number', softwareRendered: 'boolean', renderer: 'string',
  crossOriginIsolated: 'boolean', loadMs: 'number',
};

const MAIN_THREAD: Spec<MainThreadFigures> = {
  backend: 'string', preset: 'string', softwareRendered: 'boolean', images: 'number', longestTaskMs: 'number',
  longTasks: 'number', longTasksTotalMs: 'number', perImageMs: 'number', startupLongestTaskMs: 'number', startupLongTasks: 'number',
};

const SPEC: Spec<BenchReport> = {
  schemaVersion: 'number', date: 'string', quick: 'boolean', durationS: 'number',
  machine: {
    cpus: 'number', node: 'string', chromium: 'string', platform: 'string',
    loadAverageStart: 'number', loadAverageEnd: 'number',
  },
  browser: { wasm: BROWSER, webgl: BROWSER },
  node: { wasm: { ...CORE, backend: 'string', threads: 'number', loadMs: 'number' } },
  threads: { ratio: 'number', threads: 'number', threadedMs: 'number', singleThreadedMs: 'number', singleThreads: 'number' },
  weightsBytes: { float32: 'number', float16: 'number' },
  app: {
    coldStartRuns: 'number', coldStartEmptyCacheMs: 'number', coldStartWarmCacheMs: 'number',
    weightsBytesTransferredEmptyCache: 'number', weightsBytesTransferredWarmCache: 'number', float16Share: 'number',
    layerSwitchMs: 'number', layerSwitchShownMs: 'number', layerSwitchDataMs: 'number', layerSwitches: 'number',
    layerSwitchShape: ['number'], appBackend: 'string', appThreads: 'number',
    firstGraphMs: 'number', firstGraphWarmCacheMs: 'number',
    mainBundleGzipBytes: 'number', mainBundleBytes: 'number', mainBundleFiles: 'number',
    workerMemory: {
      images: 'number', numTensorsAfter1: 'number', numTensorsAfterLast: 'number', bytesAfter1: 'number',
      bytesAfterLast: 'number', numTensorsGrowth: 'number', bytesGrowth: 'number',
    },
  },
  mainThread: { wasm: MAIN_THREAD, webgl: MAIN_THREAD },
  attribution: {
    backend: 'string', host: 'string', preset: 'string', threads: 'number', rounds: 'number', igRounds: 'number',
    baselineMs: 'number', gradCamLayer: 'string', gradCamMs: 'number', gradCamRatio: 'number',
    saliencyMs: 'number', saliencyRatio: 'number',
    igSteps: 'number', igBaseline: 'string', igMs: 'number', igRatio: 'number', igCompletenessGap: 'number',
    igBatch: 'number', forwardBatches: [{ batch: 'number', msPerImage: 'number', ratio: 'number' }], igForwardFloorRatio: 'number',
    igGaps: [{ image: 'string', baseline: 'string', steps: 'number', gap: 'number' }], igGapAtMostSteps: 'number',
    unitLayer: 'string', unitRow: 'number', unitCol: 'number', unitFieldMs: 'number', unitFieldRatio: 'number',
    memory: {
      gradCamSaliencyRequests: 'number', attributions: 'number', unitFields: 'number', numTensorsBefore: 'number', numTensorsAfter: 'number', bytesBefore: 'number',
      bytesAfter: 'number', numTensorsGrowth: 'number', bytesGrowth: 'number',
    },
  },
  experiments: {
    backend: 'string', host: 'string', preset: 'string', threads: 'number', rounds: 'number', baselineMs: 'number',
    lesionBlock: 'string', lesionToggleMs: 'number', lesionToggleRatio: 'number', compareMs: 'number', compareCurveMs: 'number', compareLayers: 'number',
    evaluate: {
      preset: 'string', images: 'number', imagesPerSecond1: 'number', imagesPerSecond2: 'number', threadsRatio: 'number',
      batch: 'number', imagesPerSecondBatch: 'number', batchRatio: 'number',
    },
  },
  targets: [{ name: 'string', value: 'number', op: 'string', limit: 'number', met: 'boolean' }],
};

function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : String(JSON.stringify(value));
}

function checkLeaf(value: unknown, kind: Leaf, at: string, errors: string[]): void {
  if (kind === 'number' && !(typeof value === 'number' && Number.isFinite(value))) {
    errors.push(`${at} should be a finite number, got ${shown(value)}`);
  } else if (kind !== 'number' && typeof value !== kind) {
    errors.push(`${at} should be a ${kind}, got ${shown(value)}`);
  }
}

function check(value: unknown, spec: unknown, at: string, errors: string[]): void {
  if (typeof spec === 'string') return checkLeaf(value, spec as Leaf, at, errors);
  if (Array.isArray(spec)) {
    if (!Array.isArray(value) || value.length === 0) return void errors.push(`${at} should be a non-empty array`);
    value.forEach((item, i) => check(item, spec[0], `${at}[${i}]`, errors));
    return;
  }
  if (typeof value !== 'object' || value === null) return void errors.push(`${at} should be an object`);
  for (const [key, inner] of Object.entries(spec as Record<string, unknown>)) {
    check((value as Record<string, unknown>)[key], inner, at ? `${at}.${key}` : key, errors);
  }
}

/** Every problem with `value` as a BenchReport; empty when it is one. */
export function validateReport(value: unknown): string[] {
  const errors: string[] = [];
  check(value, SPEC, '', errors);
  return errors;
}
