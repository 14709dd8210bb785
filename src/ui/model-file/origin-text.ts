/** How a person's model is described on the page: where it came from and how it was understood. */
import type { ModelOrigin, PreprocessChoice } from '../../client/types';

const FORMATS: Record<ModelOrigin['format'], string> = {
  keras: 'Keras archive (.keras)',
  h5: 'Keras HDF5 model (.h5)',
  'weights-h5': 'Keras weights only (.weights.h5)',
  tfjs: 'TensorFlow.js layers model (model.json)',
};

export const PREPROCESS_LABELS: Record<PreprocessChoice, string> = {
  x255: 'x / 255 (the assignment)',
  caffe: 'Keras caffe (BGR, ImageNet means subtracted)',
  torch: 'torch (x / 255, ImageNet mean and std)',
};

const SCHEMES: Record<ModelOrigin['scheme'], string> = {
  seed: 'the assignment’s layer names',
  applications: 'keras.applications layer names',
};

function labelsText(origin: ModelOrigin, classes: number): string {
  if (origin.noClasses) return 'no classification head';
  if (origin.labels === 'file') return `${classes} classes, names from your labels file`;
  if (origin.labels === 'signs') return `${classes} classes, read as the SIGNS hand signs 0 to 5`;
  return `${classes} classes, named class 0 to class ${classes - 1}`;
}

/** One line for Diagnostics: "From your files: a.keras (Keras archive (.keras), Keras 3.15.1)". */
export function originLine(origin: ModelOrigin): string {
  const version = origin.kerasVersion ? `, Keras ${origin.kerasVersion}` : '';
  return `From your files: ${origin.files.join(', ')} (${FORMATS[origin.format]}${version})`;
}

/** What the page understood of the file, in a sentence. */
export function understoodText(origin: ModelOrigin, classes: number, inputSize: number): string {
  const size = origin.inputSizeFromFile ? `${inputSize}×${inputSize} input` : `${inputSize}×${inputSize} input (the file does not say; change it below)`;
  return `${FORMATS[origin.format]} with ${SCHEMES[origin.scheme]}: ${size}, ${labelsText(origin, classes)}.`;
}
