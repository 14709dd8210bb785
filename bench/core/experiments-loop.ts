/**
 * The experiment figures' loop (issue 12, "Speed"), no tfjs: a lesion toggle (the held image
 * run again with a block off, to its new top-5) and the comparison curve of two held images
 * (from B's pass until the curve is drawn), each after a bare predict of the same model in the
 * same worker, so a change in the machine's load hits both.
 */
import type { Comparison } from '../../src/client/types';
import { median, ratio, round } from './stats';
import type { ExperimentPageFigures, ExperimentPlan } from './types';

export interface ExperimentSubject {
  /** One bare predict + reading the probabilities, timed where it runs. */
  predict(): Promise<number>;
  /** client.classify of the sample (top-5), intact or with `lesion` off: its result id. */
  classify(lesion: readonly string[]): Promise<number>;
  release(resultId: number): Promise<void>;
  compare(a: number, b: number): Promise<Comparison>;
  /** Renders the curve of `comparison` and resolves once a frame has passed. */
  draw(comparison: Comparison): Promise<void>;
}

export interface ExperimentContext {
  readonly backend: string;
  readonly host: string;
  readonly threads: number;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

export async function measureExperiments(subject: ExperimentSubject, plan: ExperimentPlan, context: ExperimentContext, log: (m: string) => void): Promise<ExperimentPageFigures> {
  const a = await subject.classify([]);
  // Untimed: the first lesioned pass and the first curve.
  await subject.release(await subject.classify([plan.lesionBlock]));
  const first = await subject.classify([]);
  await subject.draw(await subject.compare(a, first));
  await subject.release(first);
  const baseline: number[] = [];
  const toggle: number[] = [];
  const compare: number[] = [];
  const curve: number[] = [];
  let layers = 0;
  for (let r = 0; r < plan.rounds; r += 1) {
    baseline.push(await subject.predict());
    const off = await timed(() => subject.classify([plan.lesionBlock]));
    toggle.push(off.ms);
    await subject.release(off.value);
    baseline.push(await subject.predict());
    // B: the same image, intact vs lesioned, as the page compares them.
    const b = await subject.classify([plan.lesionBlock]);
    const t0 = performance.now();
    const comparison = await subject.compare(a, b);
    compare.push(performance.now() - t0);
    await subject.draw(comparison);
    curve.push(performance.now() - t0);
    layers = comparison.layers.length;
    await subject.release(b);
  }
  await subject.release(a);
  const baselineMs = round(median(baseline));
  const lesionToggleMs = round(median(toggle));
  log(`experiments (${plan.preset}): bare predict ${baselineMs} ms, lesion toggle ${lesionToggleMs} ms, curve ${round(median(curve))} ms`);
  return {
    ...context,
    preset: plan.preset,
    rounds: plan.rounds,
    baselineMs,
    lesionBlock: plan.lesionBlock,
    lesionToggleMs,
    lesionToggleRatio: ratio(lesionToggleMs, baselineMs),
    compareMs: round(median(compare)),
    compareCurveMs: round(median(curve)),
    compareLayers: layers,
  };
}
