/** Reads the selected layer's activation data (and CAMs) from the current image's pass. */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { readLayerData, type LayerData, type ModelSession } from '../inspect';
import { resizedPreview } from '../model/preprocess';
import type { CamMap } from '../ui/input/ImagePanel';
import type { ImageResult } from './classify-queue';
import { errorText } from './run-errors';

interface Async<T> {
  readonly key: string;
  readonly value: T | null;
  /** Why the read failed, in words; null when it did not. */
  readonly error?: string | null;
}

/** The result's activations are only readable while its session is the current one. */
function live(session: ModelSession | null, result: ImageResult | null): session is ModelSession {
  return session !== null && result !== null && result.session === session;
}

export function useLayerData(session: ModelSession | null, result: ImageResult | null, layer: string | null) {
  const key = live(session, result) && layer ? `${result?.id}:${layer}` : '';
  const [state, setState] = useState<Async<LayerData>>({ key: '', value: null });
  useEffect(() => {
    if (!key || !session || !layer) return undefined;
    const info = session.built.layers.find((l) => l.name === layer);
    if (!info) return undefined;
    let cancelled = false;
    // Rendered at once, in the task the read finished in: on WASM that is the click's own
    // task, so the browser paints the new layer complete instead of first painting a frame
    // of the old one dimmed (~10 ms of painting for nothing).
    const settle = (next: Async<LayerData>) => { if (!cancelled) flushSync(() => setState(next)); };
    readLayerData(session.inspector, info).then(
      (value) => settle({ key, value }),
      (err: unknown) => settle({ key, value: null, error: `The activations of ${layer} could not be read: ${errorText(err)}` }),
    );
    return () => { cancelled = true; };
  }, [key, session, layer]);
  const current = state.key === key ? state.value : null;
  // While a new layer loads, keep showing the previous one (dimmed by the UI).
  return {
    data: key ? (current ?? state.value) : null,
    loading: key !== '' && state.key !== key,
    error: key !== '' && state.key === key ? (state.error ?? null) : null,
  };
}

export function useCam(session: ModelSession | null, result: ImageResult | null, classIndex: number | null): CamMap | null {
  const key = live(session, result) && classIndex !== null ? `${result?.id}:${classIndex}` : '';
  const [state, setState] = useState<Async<CamMap>>({ key: '', value: null });
  useEffect(() => {
    if (!key || !session || classIndex === null) return undefined;
    let cancelled = false;
    const label = result?.predictions.find((p) => p.index === classIndex)?.label ?? `class ${classIndex}`;
    session.inspector.cam(classIndex).then(
      ({ shape, values }) => {
        if (!cancelled) setState({ key, value: { label, height: shape[0], width: shape[1], values } });
      },
      () => { if (!cancelled) setState({ key, value: null }); },
    );
    return () => { cancelled = true; };
  }, [key, session, classIndex, result]);
  return state.key === key ? state.value : null;
}

/** The resized network input, as RGBA for a canvas. */
export function useNetworkView(result: ImageResult | null) {
  const [view, setView] = useState<{ id: number; data: Uint8ClampedArray; size: number } | null>(null);
  useEffect(() => {
    if (!result) return undefined;
    let cancelled = false;
    const [size] = result.session.built.config.inputShape;
    resizedPreview(result.image.pixels, result.image.width, result.image.height, size).then((data) => { if (!cancelled) setView({ id: result.id, data, size }); }, () => undefined);
    return () => { cancelled = true; };
  }, [result]);
  return view && result && view.id === result.id ? view : null;
}
