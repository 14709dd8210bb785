/** Which residual blocks are switched off: kept in the URL (`off=res3b,res4a`), checked against the model. */
import { useCallback, useEffect, useMemo } from 'react';
import { lesionBlocks, type LesionBlock } from '../explain/lesion-blocks';
import { useUrlField, type UrlStore } from './url-state';
import { said } from '../ui/i18n/i18n';
import type { SetNotice } from './use-read-error';

export interface Lesion {
  readonly blocks: readonly LesionBlock[];
  /** Switched off, in network order. */
  readonly off: readonly string[];
  readonly offSet: ReadonlySet<string>;
  /** Every block that can be switched off. */
  readonly names: ReadonlySet<string>;
  readonly toggle: (block: string) => void;
  readonly reset: () => void;
}

export function useLesion(urlStore: UrlStore, seedLiteral: boolean, onNotice: SetNotice): Lesion {
  const text = useUrlField(urlStore, 'off');
  const blocks = useMemo(() => lesionBlocks({ seedLiteral }), [seedLiteral]);
  const asked = useMemo(() => text.split(',').filter(Boolean), [text]);
  const off = useMemo(() => blocks.map((b) => b.name).filter((name) => asked.includes(name)), [blocks, asked]);
  const unknown = asked.filter((name) => !off.includes(name)).join(', ');
  // An unknown block in the URL is dropped, with a notice naming the real ones.
  useEffect(() => {
    if (!unknown) return;
    const names = unknown.split(', ').map((n) => `“${n}”`).join(', ');
    onNotice(said('lesion.unknown', { names, blocks: blocks.map((b) => b.name).join(', ') }));
    urlStore.update({ off: off.join(',') });
  }, [unknown, off, blocks, urlStore, onNotice]);
  const toggle = useCallback((block: string) => {
    const now = new Set(urlStore.get().off.split(',').filter(Boolean));
    if (now.has(block)) now.delete(block);
    else now.add(block);
    urlStore.update({ off: blocks.map((b) => b.name).filter((name) => now.has(name)).join(',') });
  }, [urlStore, blocks]);
  const reset = useCallback(() => urlStore.update({ off: '' }), [urlStore]);
  const offSet = useMemo(() => new Set(off), [off]);
  const names = useMemo(() => new Set(blocks.map((b) => b.name)), [blocks]);
  return { blocks, off, offSet, names, toggle, reset };
}
