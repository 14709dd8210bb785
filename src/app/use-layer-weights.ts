/** A layer's weights from the model on show, read when the layer is opened (not before, not for others). */
import { useCallback } from 'react';
import type { LayerWeights } from '../client/types';
import { useT } from '../ui/i18n/I18n';
import type { ModelHandle } from './use-model';
import { useKeyedAsync } from './use-keyed-async';

/** `layer` null, or a layer without parameters, reads nothing. */
export function useLayerWeights(handle: ModelHandle | null, layer: string | null) {
  const t = useT();
  const key = handle && layer ? `${handle.model.modelId}:${layer}` : '';
  const load = useCallback(() => {
    if (!handle || !layer) return Promise.reject(new Error('no layer'));
    return handle.client.weights(handle.model.modelId, layer);
  }, [handle, layer]);
  const read = useKeyedAsync<LayerWeights>(key, load);
  return {
    weights: read.value,
    loading: read.loading,
    error: read.error && layer ? t('data.weights', { layer, reason: read.error }) : null,
  };
}
