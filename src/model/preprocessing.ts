/**
 * What a set of weights expects its input pixels to look like, as plain data (no tfjs), so
 * the weights descriptor, the session and the page can carry it. `preprocess` (preprocess.ts)
 * applies it to pixels.
 */

export type MeanBgr = readonly [number, number, number];

/**
 * `caffe`: Keras's "caffe" mode, the one the published ImageNet weights were trained with:
 * RGB -> BGR, subtract the ImageNet mean per channel, no scaling.
 * `unit`: the assignment's x / 255 (RGB kept, values 0..1), for the seeded model.
 */
export type Preprocessing =
  | { readonly mode: 'caffe'; readonly meanBgr: MeanBgr }
  | { readonly mode: 'unit' }
  | { readonly mode: 'torch'; readonly mean: MeanBgr; readonly std: MeanBgr };

export type PreprocessingMode = Preprocessing['mode'];

/** Keras "caffe" mode mean, in B, G, R order (the order the weights were trained in). */
export const CAFFE_MEAN_BGR: MeanBgr = [103.939, 116.779, 123.68];

export const CAFFE_PREPROCESSING = { mode: 'caffe', meanBgr: CAFFE_MEAN_BGR } as const satisfies Preprocessing;

/**
 * torchvision's (and Keras's "torch" mode): x / 255, then per RGB channel minus the ImageNet
 * mean and divided by its standard deviation.
 */
export const TORCH_PREPROCESSING = {
  mode: 'torch', mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225],
} as const satisfies Preprocessing;

/** The names a person picks preprocessing by (the CLI's --preprocess, the page's menu). */
export const PREPROCESS_CHOICES = ['x255', 'caffe', 'torch'] as const;
export type PreprocessChoice = (typeof PREPROCESS_CHOICES)[number];

export function preprocessingOf(choice: PreprocessChoice): Preprocessing {
  return choice === 'caffe' ? CAFFE_PREPROCESSING : choice === 'torch' ? TORCH_PREPROCESSING : SEEDED_PREPROCESSING;
}

export function preprocessChoiceOf(preprocessing: Preprocessing): PreprocessChoice {
  return preprocessing.mode === 'unit' ? 'x255' : preprocessing.mode;
}

/** What the seeded (randomly initialised) assignment model is fed: x / 255. */
export const SEEDED_PREPROCESSING = { mode: 'unit' } as const satisfies Preprocessing;
