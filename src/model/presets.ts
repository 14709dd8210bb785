/** Presets: the assignment's SIGNS model, and the ImageNet model the published weights fit. */
import type { StageSpec } from './architecture';

export const PRESET_NAMES = ['signs', 'imagenet'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface ResNetConfig {
  readonly preset: PresetName;
  /** Height, width, channels (channels last). */
  readonly inputShape: readonly [number, number, number];
  readonly classes: number;
  /**
   * Zero padding before the stem's max pool (`pool1_pad`). The seed has none; Keras's
   * published model pads by 1 so stage 2 sees 56x56, as the weights were trained.
   */
  readonly poolPadding: 0 | 1;
  /** avg_pool window: 2 in the seed; 7 (the whole final map) for ImageNet. */
  readonly avgPoolSize: number;
  /** Stage-5 identity filters as the text literally says ([256, 256, 2048]). */
  readonly seedLiteral: boolean;
  /** Seed of every Glorot-uniform initializer ("Use 0 as the seed"). */
  readonly seed: number;
  /**
   * A model opened from a file (model/file-model/) says here what its file changed in the
   * table; presets leave these out. `stages` replaces the table's widths (narrow models),
   * `stemFilters` conv1's filters, `bnEpsilon` BatchNorm's epsilon (1e-3 by default).
   */
  readonly stages?: readonly StageSpec[];
  readonly stemFilters?: number;
  readonly bnEpsilon?: number;
  /** `none`: the file has no head (include_top=False): the network ends after stage 5. */
  readonly head?: 'classifier' | 'none';
  /**
   * The file's own layer names, by the plan's name (conv1 -> conv1_conv, res2a_add -> add):
   * the plan is built under these, so the graph, the inspector and every lookup show them.
   */
  readonly names?: Readonly<Record<string, string>>;
}

export interface PresetOptions {
  readonly seedLiteral?: boolean;
}

const PRESETS: Record<PresetName, Omit<ResNetConfig, 'seedLiteral'>> = {
  signs: { preset: 'signs', inputShape: [64, 64, 3], classes: 6, poolPadding: 0, avgPoolSize: 2, seed: 0 },
  imagenet: { preset: 'imagenet', inputShape: [224, 224, 3], classes: 1000, poolPadding: 1, avgPoolSize: 7, seed: 0 },
};

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** Looks a preset up by name; an unknown name throws an error listing the valid ones. */
export function presetConfig(name: string, options: PresetOptions = {}): ResNetConfig {
  if (!isPresetName(name)) {
    throw new Error(`unknown preset "${name}": use one of ${PRESET_NAMES.join(', ')}`);
  }
  return { ...PRESETS[name], seedLiteral: options.seedLiteral ?? false };
}
