/** The bench page's entry points, as the driver sees them through `page.evaluate`. */
import type { AttributionFigures, AttributionPlan, BackendFigures, BenchBackend, EngineInfo, ExperimentPageFigures, ExperimentPlan, RunPlan } from './types';

export interface BenchApi {
  /** Every figure for one backend; the session is disposed at the end. */
  run(plan: RunPlan): Promise<BackendFigures>;
  /** The attribution figures on one held image (WASM); the session is disposed at the end. */
  attribution(plan: AttributionPlan): Promise<AttributionFigures>;
  /** The lesion toggle and the comparison curve (WASM); the session is disposed at the end. */
  experiments(plan: ExperimentPlan): Promise<ExperimentPageFigures>;
  /** Opens a session and prepares the sample's input, for `predict`. */
  open(backend: BenchBackend): Promise<EngineInfo>;
  /** One bare predict + reading the probabilities, in milliseconds. */
  predict(): Promise<number>;
}

declare global {
  interface Window {
    bench?: BenchApi;
  }
}
