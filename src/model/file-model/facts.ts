/**
 * What a ResNet50 file says about itself, read into the architecture table's terms: input
 * size, stem and stage widths, pool1_pad, the pooling, the head, BatchNorm's epsilon. Both
 * file routes (with a config, weights only) end in these facts, and `configOf` turns them
 * into the one ResNetConfig the plan and the builder read.
 */
import { RESNET50_STAGES, type Filters, type StageSpec } from '../architecture';
import { presetConfig, type ResNetConfig } from '../presets';
import { shapedPlan } from '../summary';
import type { StageNumber } from '../vocabulary';
import type { NamingScheme } from './schemes';

export interface StageWidths {
  readonly stage: StageNumber;
  readonly filters: Filters;
  readonly identityFilters: Filters;
}

export interface FileFacts {
  readonly scheme: NamingScheme;
  /** Null when the file does not fix it (weights only, or an input of any size). */
  readonly inputSize: number | null;
  readonly stemFilters: number;
  readonly stages: readonly StageWidths[];
  readonly poolPadding: 0 | 1;
  /** Global average pooling, or an average pool of this window. */
  readonly pooling: { readonly global: true } | { readonly global: false; readonly size: number };
  /** Classes of the dense head; null for a model without one. */
  readonly classes: number | null;
  readonly bnEpsilon: number;
}

/** What a weights-only file of each scheme is taken to be (the person can change the size). */
export const SCHEME_DEFAULTS: Record<NamingScheme, { inputSize: number; poolPadding: 0 | 1; bnEpsilon: number }> = {
  seed: { inputSize: 64, poolPadding: 0, bnEpsilon: 1e-3 },
  applications: { inputSize: 224, poolPadding: 1, bnEpsilon: 1.001e-5 },
};

/** The table's rows with the file's widths. */
export function stagesOf(widths: readonly StageWidths[]): StageSpec[] {
  return RESNET50_STAGES.map((row) => {
    const w = widths.find((s) => s.stage === row.stage);
    return w ? { ...row, filters: w.filters, identityFilters: w.identityFilters } : row;
  });
}

/** The side of stage 5's output for an input side: what a global pool averages over. */
export function finalSide(base: ResNetConfig): number {
  const plan = shapedPlan({ ...base, head: 'none', names: undefined });
  return plan[plan.length - 1].output[0];
}

/** The ResNetConfig of a file's facts, at `inputSize` (the file's, else the scheme's default). */
export function configOf(facts: FileFacts, inputSize: number): ResNetConfig {
  const preset = facts.scheme === 'seed' ? 'signs' : 'imagenet';
  const base: ResNetConfig = {
    ...presetConfig(preset),
    inputShape: [inputSize, inputSize, 3],
    classes: facts.classes ?? 0,
    poolPadding: facts.poolPadding,
    stemFilters: facts.stemFilters,
    stages: stagesOf(facts.stages),
    bnEpsilon: facts.bnEpsilon,
    head: facts.classes === null ? 'none' : 'classifier',
  };
  const side = finalSide(base);
  return { ...base, avgPoolSize: facts.pooling.global ? side : facts.pooling.size };
}
