/** Similarity and distance in words and digits, the same on the curve, in the inspector and in tests. */
import { english, type Translate } from '../i18n/i18n';

export function formatSimilarity(cosine: number): string {
  return cosine.toFixed(3);
}

export function formatDistance(relativeL2: number, t: Translate = english): string {
  return Number.isFinite(relativeL2) ? relativeL2.toFixed(3) : t('cmp.infinite');
}
