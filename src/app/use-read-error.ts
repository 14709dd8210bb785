import { useEffect, type Dispatch, type SetStateAction } from 'react';
import type { Said } from '../ui/i18n/i18n';

/** Sets the page's notice (its alert), or withdraws it with an updater. */
export type SetNotice = Dispatch<SetStateAction<Said | null>>;

/**
 * A failed read says why in the page's alert, instead of a panel quietly left empty; once
 * that read is no longer the one wanted (another layer, a newer image), its message goes,
 * unless a newer notice has replaced it already.
 */
export function useReadError(error: string | null, onNotice: SetNotice): void {
  useEffect(() => {
    if (!error) return undefined;
    onNotice(error);
    return () => onNotice((shown) => (shown === error ? null : shown));
  }, [error, onNotice]);
}
