import { useEffect, type Dispatch, type SetStateAction } from 'react';

/**
 * A failed read says why in the page's alert, instead of a panel quietly left empty; once
 * that read is no longer the one wanted (another layer, a newer image), its message goes,
 * unless a newer notice has replaced it already.
 */
export function useReadError(error: string | null, onNotice: Dispatch<SetStateAction<string | null>>): void {
  useEffect(() => {
    if (!error) return undefined;
    onNotice(error);
    return () => onNotice((shown) => (shown === error ? null : shown));
  }, [error, onNotice]);
}
