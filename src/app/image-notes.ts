/**
 * What the network does to an image before it reads it, said beside the image: it takes a
 * square of its input size, so a small image is blown up (and means little) and an oblong
 * one is squeezed, not cropped.
 */

import { english, type Translate } from '../ui/i18n/i18n';

/** Notes on resizing `width` x `height` to the network's `size` x `size` input. */
export function inputNotes(width: number, height: number, size: number, t: Translate = english): string[] {
  const notes: string[] = [];
  const longer = Math.max(width, height);
  if (longer < size) {
    const factor = size / longer;
    const times = factor >= 10 ? String(Math.round(factor)) : String(Number(factor.toFixed(1)));
    const verdict = longer * 4 <= size ? 'nonsense' : 'blurry';
    notes.push(t('note.upscaled', { width, height, times, size, verdict }));
  }
  const ratio = width / height;
  if (Math.abs(Math.log(ratio)) > Math.log(1.02)) {
    notes.push(t('note.squeezed', { size, direction: ratio > 1 ? 'narrower' : 'wider' }));
  }
  return notes;
}
