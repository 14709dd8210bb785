/** Presets: the assignment's SIGNS model, and the ImageNet model the published weights fit. */

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
