/**
 * `model=local` in the address: a person's own model is open. A link cannot carry the file,
 * so a page loaded again with it (from a link, by a reload) says so and shows the preset instead. Kept beside the
 * URL store rather than in it: the store's writer keeps parameters it does not own.
 */
import { useEffect } from 'react';
import type { PresetName } from '../model/pure';
import { said, type Said } from '../ui/i18n/i18n';

const PARAM = 'model';
const LOCAL = 'local';

const PRESET_NAMES: Record<PresetName, string> = { signs: 'SIGNS', imagenet: 'ImageNet' };

/** The notice for a page loaded again (a link, a reload, a switch of backend) while a local model was open, or null. */
export function localLinkNotice(search: string, preset: PresetName): Said | null {
  if (new URLSearchParams(search).get(PARAM) !== LOCAL) return null;
  return said('url.localModel', { preset: PRESET_NAMES[preset] });
}

/** The search string with `model=local` set or removed. */
export function withLocalModel(search: string, open: boolean): string {
  const params = new URLSearchParams(search);
  if (open) params.set(PARAM, LOCAL);
  else params.delete(PARAM);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Keeps `model=local` in the address bar while a local model is open, and only then. */
export function useLocalModelInUrl(open: boolean): void {
  useEffect(() => {
    const next = withLocalModel(window.location.search, open);
    if (next !== window.location.search) {
      window.history.replaceState(null, '', `${window.location.pathname}${next}${window.location.hash}`);
    }
  }, [open]);
}
