/**
 * Two images compared layer by layer: A is a result pinned in the queue (the engine keeps
 * it), B the result on show. B may be another image or the same one with blocks switched
 * off; the comparison is read once per pair.
 */
import { useCallback } from 'react';
import type { Comparison } from '../client/types';
import type { ImageResult } from './classify-queue';
import type { Classifier } from './use-classifier';
import type { ModelHandle } from './use-model';
import { useKeyedAsync } from './use-keyed-async';
import { useT } from '../ui/i18n/I18n';

export interface CompareState {
  /** The pinned image, while its model is the current one. */
  readonly a: ImageResult | null;
  /** The image on show, when it is not A itself. */
  readonly b: ImageResult | null;
  readonly comparison: Comparison | null;
  readonly loading: boolean;
  readonly error: string | null;
  /** An image is on show that could be pinned (and is not A already). */
  readonly canPin: boolean;
  readonly pin: () => void;
  readonly unpin: () => void;
}

export function useCompare(classifier: Pick<Classifier, 'pinned' | 'pin' | 'unpin'>, live: ImageResult | null, handle: ModelHandle | null): CompareState {
  const { pinned, pin, unpin } = classifier;
  const a = pinned && pinned.handle === handle ? pinned : null;
  const b = a && live && live.resultId !== a.resultId && live.handle === a.handle ? live : null;
  const key = a && b ? `${a.resultId}:${b.resultId}` : '';
  const load = useCallback((): Promise<Comparison> => {
    if (!a || !b) return Promise.reject(new Error('nothing to compare'));
    return a.handle.client.compare(a.resultId, b.resultId);
  }, [a, b]);
  const read = useKeyedAsync(key, load);
  const t = useT();
  return {
    a,
    b,
    comparison: read.value,
    loading: read.loading,
    error: read.error && t('data.compare', { reason: read.error }),
    canPin: live !== null && live !== a,
    pin,
    unpin,
  };
}

/** An image's name and the network it ran on, in words: “chelsea.png (intact)”, “chelsea.png (res3a off)”. */
export function resultLabel(result: ImageResult): string {
  return `${result.name} (${result.lesion.length === 0 ? 'intact' : `${result.lesion.join(', ')} off`})`;
}
