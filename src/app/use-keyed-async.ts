/**
 * The one pattern behind every read from the model: a value that belongs to a key (result
 * id, layer, class...), loaded when the key changes, ignored when it arrives for a key
 * that is no longer wanted, and never failing quietly: a failure comes back as words.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { errorText } from '../client/errors';

export interface KeyedAsync<T> {
  /** The value for the current key; null while it loads, failed, or without a key. */
  readonly value: T | null;
  /** The value of the key before, kept while the current one loads. */
  readonly previous: T | null;
  readonly loading: boolean;
  /** Why the load for the current key failed, in words; null when it did not. */
  readonly error: string | null;
}

interface Settled<T> {
  readonly key: string;
  readonly value: T | null;
  readonly error: string | null;
}

export interface KeyedAsyncOptions {
  /**
   * Render the answer in the task it arrived in (flushSync): no frame of the old value is
   * painted first. For the layer switch, the interaction people repeat most; everything
   * else renders as a transition.
   */
  readonly immediate?: boolean;
}

/** `key` '' means nothing to load. `load` is read at the time the key changes. */
export function useKeyedAsync<T>(key: string, load: () => Promise<T>, options: KeyedAsyncOptions = {}): KeyedAsync<T> {
  const [state, setState] = useState<Settled<T>>({ key: '', value: null, error: null });
  const latest = useRef({ load, immediate: options.immediate ?? false });
  // Declared before the load effect, so it has run by the time that one reads it.
  useEffect(() => { latest.current = { load, immediate: options.immediate ?? false }; });
  useEffect(() => {
    if (!key) return undefined;
    let cancelled = false;
    const { immediate } = latest.current;
    const settle = (next: Settled<T>) => {
      if (cancelled) return;
      if (immediate) flushSync(() => setState(next));
      // Otherwise a transition: React renders it in slices that leave the page free to
      // answer input (no long task), and a newer answer interrupts an older one.
      else startTransition(() => setState(next));
    };
    latest.current.load().then(
      (value) => settle({ key, value, error: null }),
      (err: unknown) => settle({ key, value: null, error: errorText(err) }),
    );
    return () => { cancelled = true; };
  }, [key]);
  const current = state.key === key && key !== '';
  return {
    value: current ? state.value : null,
    previous: key ? state.value : null,
    loading: key !== '' && state.key !== key,
    error: current ? state.error : null,
  };
}
