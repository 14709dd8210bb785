/** What the address bar remembers (preset, stage-5 variant, backend, selection), and the store the page reads it from. */
import { useEffect, useSyncExternalStore } from 'react';
import { isPresetName, PRESET_NAMES, type PresetName } from '../model/pure';
import { BACKENDS, isBackendName, type BackendName } from '../client/backend-policy';
import { isLang, LANGS, said, type Lang, type Said } from '../ui/i18n/i18n';
import { EMBED_MODES, isEmbedMode } from './embed-mode';

export interface UrlState {
  readonly preset: PresetName;
  readonly seedLiteral: boolean;
  readonly backend: BackendName | null;
  /** The selected layer or block; checked against the model by the app. */
  readonly layer: string | null;
  /**
   * The open channel's index, from 0. The URL writes it as the page says it, counting
   * from 1: `channel=5` is "Channel 5", index 4.
   */
  readonly channel: number | null;
  /** Residual blocks switched off, comma-separated in network order ('' for none); checked by the app. */
  readonly off: string;
  /** The language asked for (`lang=zh`); null follows the browser's languages. */
  readonly lang: Lang | null;
}

function channelOf(value: string | null): number | null {
  if (value === null || !/^\d{1,5}$/.test(value) || Number(value) < 1) return null;
  return Number(value) - 1;
}

/**
 * What the address asked for that the page cannot give, in words, or null. readUrlState
 * falls back quietly (to the ImageNet preset, the automatic backend, no channel, the
 * browser's language); the page says so once, on load, in the page's language.
 */
export function urlNotice(search: string): Said | null {
  const params = new URLSearchParams(search);
  const preset = params.get('preset');
  if (preset && !isPresetName(preset)) {
    return said('url.badPreset', { value: preset, list: PRESET_NAMES.join(', ') });
  }
  const backend = params.get('backend');
  if (backend && !isBackendName(backend)) {
    return said('url.badBackend', { value: backend, list: BACKENDS.join(', ') });
  }
  const channel = params.get('channel');
  if (channel !== null && channelOf(channel) === null) {
    return said('url.badChannel', { value: channel });
  }
  const lang = params.get('lang');
  if (lang !== null && !isLang(lang)) {
    return said('url.badLang', { value: lang, list: LANGS.join(', ') });
  }
  const embed = params.get('embed');
  if (embed !== null && !isEmbedMode(embed)) {
    return said('url.badEmbed', { value: embed, list: EMBED_MODES.join(', ') });
  }
  return null;
}

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const preset = params.get('preset') ?? '';
  const backend = params.get('backend');
  const lang = params.get('lang');
  return {
    preset: isPresetName(preset) ? preset : 'imagenet',
    seedLiteral: params.get('variant') === 'literal',
    backend: isBackendName(backend) ? backend : null,
    layer: params.get('layer') || null,
    channel: channelOf(params.get('channel')),
    off: (params.get('off') ?? '').split(',').map((b) => b.trim()).filter(Boolean).join(','),
    lang: isLang(lang) ? lang : null,
  };
}

export function writeUrlState(state: UrlState, search: string): string {
  const params = new URLSearchParams(search);
  params.set('preset', state.preset);
  if (state.seedLiteral) params.set('variant', 'literal');
  else params.delete('variant');
  const channel = state.channel === null ? null : state.channel + 1;
  for (const [key, value] of [['backend', state.backend], ['layer', state.layer], ['channel', channel], ['off', state.off || null], ['lang', state.lang]] as const) {
    if (value === null) params.delete(key);
    else params.set(key, String(value));
  }
  return `?${params.toString()}`;
}

/**
 * The URL state as a small external store rather than state in <App>: a change of the
 * selected layer then re-renders only the components that read `layer` or `channel`,
 * not the whole page.
 */
export interface UrlStore {
  get(): UrlState;
  /** Applies a patch; listeners hear of it only when a value actually changed. */
  update(patch: Partial<UrlState>): void;
  subscribe(listener: () => void): () => void;
}

export function createUrlStore(initial: UrlState): UrlStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    update: (patch) => {
      const next = { ...state, ...patch };
      if ((Object.keys(next) as (keyof UrlState)[]).every((key) => next[key] === state[key])) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** One field of the URL state; the component re-renders when that field changes. */
export function useUrlField<K extends keyof UrlState>(store: UrlStore, key: K): UrlState[K] {
  const read = () => store.get()[key];
  return useSyncExternalStore(store.subscribe, read, read);
}

/**
 * How long the address bar may lag behind a change. history.replaceState records the
 * scroll position, which makes the browser lay the page out there and then (~7 ms here):
 * done right after a click that selects a layer, it delays the new layer's first paint.
 * So the write waits for a quiet moment, and a burst of changes costs one write.
 */
const ADDRESS_BAR_DELAY_MS = 300;

/** Mirrors the store into the address bar (at once on mount and unmount, else after a pause). */
export function useAddressBar(store: UrlStore): void {
  useEffect(() => {
    let timer: number | undefined;
    const write = () => {
      timer = undefined;
      window.history.replaceState(null, '', writeUrlState(store.get(), window.location.search));
    };
    const flush = () => {
      if (timer === undefined) return;
      window.clearTimeout(timer);
      write();
    };
    write();
    let seen = store.get();
    const unsubscribe = store.subscribe(() => {
      if (timer !== undefined) window.clearTimeout(timer);
      const next = store.get();
      // Only the selection is clicked often; a model setting is written at once, so a
      // reload straight after choosing it (before any pause) keeps it.
      const settingChanged = next.preset !== seen.preset || next.seedLiteral !== seen.seedLiteral || next.backend !== seen.backend || next.lang !== seen.lang;
      seen = next;
      if (settingChanged) write();
      else timer = window.setTimeout(write, ADDRESS_BAR_DELAY_MS);
    });
    // A reload or a bookmark right after a click still gets the latest state.
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, [store]);
}
