/** Reads from the current image's pass through the model client: a layer, a CAM, the network's view. */
import { useCallback, useState } from 'react';
import type { LayerData, LayerScalar, NetworkView } from '../client/types';
import type { CamMap } from '../ui/view-data';
import type { ImageResult } from './classify-queue';
import type { ModelHandle } from './use-model';
import { useKeyedAsync } from './use-keyed-async';
import { useT } from '../ui/i18n/I18n';

/** The result's activations are only readable while its model is the current one. */
export function liveResult(handle: ModelHandle | null, result: ImageResult | null): ImageResult | null {
  return handle !== null && result !== null && result.handle === handle ? result : null;
}

/** A read started before the render that asks for it (see readLayerSoon). */
let early: { readonly result: ImageResult; readonly layer: string; readonly read: Promise<LayerData> } | null = null;

function readLayer(result: ImageResult, layer: string): Promise<LayerData> {
  return result.handle.client.layer(result.resultId, layer);
}

/**
 * Starts reading a layer at once, in the click that selects it: the engine works while the
 * page renders the selection, instead of after. The next useLayerData for it takes the read.
 */
export function readLayerSoon(result: ImageResult | null, layer: string): void {
  if (!result) return;
  const read = readLayer(result, layer);
  read.catch(() => undefined); // reported by the hook that takes it
  early = { result, layer, read };
}

export function useLayerData(result: ImageResult | null, layer: string | null) {
  const key = result && layer ? `${result.id}:${result.resultId}:${layer}` : '';
  const load = useCallback(() => {
    if (!result || !layer) return Promise.reject(new Error('no layer'));
    const started = early;
    early = null;
    return started?.result === result && started.layer === layer ? started.read : readLayer(result, layer);
  }, [result, layer]);
  // A layer the person just picked renders in the task its read finished in (no frame of
  // the old layer painted first); the same layer of a new image renders as a transition.
  const [picked, setPicked] = useState({ layer, result });
  if (picked.layer !== layer) setPicked({ layer, result });
  const read = useKeyedAsync<LayerData>(key, load, { immediate: picked.result === result });
  const t = useT();
  // While a new layer loads, keep showing the previous one (dimmed by the UI).
  return {
    data: read.value ?? (read.loading ? read.previous : null),
    loading: read.loading,
    error: read.error && layer ? t('data.activations', { layer, reason: read.error }) : null,
  };
}

export function useCam(result: ImageResult | null, classIndex: number | null) {
  const key = result && classIndex !== null ? `${result.id}:${result.resultId}:${classIndex}` : '';
  const load = useCallback(async (): Promise<CamMap> => {
    if (!result || classIndex === null) throw new Error('no class');
    const { shape, values } = await result.handle.client.cam(result.resultId, classIndex);
    const label = result.predictions.find((p) => p.index === classIndex)?.label ?? `class ${classIndex}`;
    return { label, height: shape[0], width: shape[1], values };
  }, [result, classIndex]);
  const read = useKeyedAsync(key, load);
  const t = useT();
  return { cam: read.value, error: read.error && t('data.cam', { reason: read.error }) };
}

/** The resized network input, as RGBA for a canvas. */
export function useNetworkView(result: ImageResult | null) {
  const key = result ? `${result.id}:${result.resultId}` : '';
  const load = useCallback(() => {
    if (!result) return Promise.reject(new Error('no image'));
    return result.handle.client.networkView(result.resultId);
  }, [result]);
  const read = useKeyedAsync<NetworkView>(key, load);
  const t = useT();
  return { view: read.value, error: read.error && t('data.view', { reason: read.error }) };
}

/** One statistic per layer for the current image, to tint the graph with. */
export function useTint(result: ImageResult | null, statistic: LayerScalar | null) {
  const key = result && statistic ? `${result.id}:${result.resultId}:${statistic}` : '';
  const load = useCallback(async () => {
    if (!result || !statistic) throw new Error('no statistic');
    return new Map(Object.entries(await result.handle.client.layerScalars(result.resultId, statistic)));
  }, [result, statistic]);
  const read = useKeyedAsync(key, load);
  const t = useT();
  return { tint: read.value, error: read.error && t('data.tint', { reason: read.error }) };
}
