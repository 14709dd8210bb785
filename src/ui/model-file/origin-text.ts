/** How a person's model is described on the page: where it came from and how it was understood. */
import type { ModelOrigin } from '../../client/types';
import { english, type MessageId, type Translate } from '../i18n/i18n';

const FORMATS: Record<ModelOrigin['format'], MessageId> = {
  keras: 'mf.format.keras',
  h5: 'mf.format.h5',
  'weights-h5': 'mf.format.weights-h5',
  tfjs: 'mf.format.tfjs',
};

const SCHEMES: Record<ModelOrigin['scheme'], MessageId> = {
  seed: 'mf.scheme.seed',
  applications: 'mf.scheme.applications',
};

function labelsText(origin: ModelOrigin, classes: number, t: Translate): string {
  if (origin.noClasses) return t('mf.labels.none');
  if (origin.labels === 'file') return t('mf.labels.file', { classes: String(classes) });
  if (origin.labels === 'signs') return t('mf.labels.signs', { classes: String(classes) });
  return t('mf.labels.index', { classes: String(classes), last: String(classes - 1) });
}

/** One line for Diagnostics: "From your files: a.keras (Keras archive (.keras), Keras 3.15.1)". */
export function originLine(origin: ModelOrigin, t: Translate = english): string {
  const values = { files: origin.files.join(t('sep.comma')), format: t(FORMATS[origin.format]) };
  return origin.kerasVersion ? t('mf.originVersion', { ...values, version: origin.kerasVersion }) : t('mf.origin', values);
}

/** What the page understood of the file, in a sentence. */
export function understoodText(origin: ModelOrigin, classes: number, inputSize: number, t: Translate = english): string {
  const size = t(origin.inputSizeFromFile ? 'mf.size' : 'mf.sizeGuessed', { n: String(inputSize) });
  return t('mf.understood', { format: t(FORMATS[origin.format]), scheme: t(SCHEMES[origin.scheme]), size, labels: labelsText(origin, classes, t) });
}
