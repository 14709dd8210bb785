/**
 * The layer inspector with its data: the selected layer's activations for the image on
 * show, and its weights for the model on show (read when the layer is opened).
 */
import { memo, useMemo, type ReactNode } from 'react';
import type { ReceptiveField } from '../explain/receptive-field';
import type { LayerLesson, LayerSummary } from '../model/pure';
import type { RgbaImage } from '../ui/view-data';
import { EffectiveFieldContext } from '../ui/inspector/effective-field';
import type { BlockSwitch } from '../ui/inspector/LayerHeader';
import { LayerInspector } from '../ui/inspector/LayerInspector';
import { WeightsSection } from '../ui/inspector/WeightsSection';
import type { ImageResult } from './classify-queue';
import { useUnitField } from './use-attribution';
import { useLayerData } from './use-layer-data';
import { useLayerWeights } from './use-layer-weights';
import type { ModelHandle } from './use-model';
import { useReadError } from './use-read-error';
import { useCompareMaps } from './CompareViews';
import type { CompareState } from './use-compare';
import type { SetNotice } from './use-read-error';

/** LayerInspector re-renders only when its own props change (not for the graph's sake). */
const MemoLayerInspector = memo(LayerInspector);

export interface InspectorProps {
  readonly result: ImageResult | null;
  /** The model on show, whose weights are read (null: none, or not loaded). */
  readonly model?: ModelHandle | null;
  readonly layer: LayerSummary | null;
  readonly layers: readonly LayerSummary[];
  readonly channel: number | null;
  readonly onChannel: (channel: number | null) => void;
  readonly onSelect: (name: string) => void;
  readonly onNotice: SetNotice;
  readonly field: ReceptiveField | null;
  readonly input: RgbaImage | null;
  readonly lesson: LayerLesson | null;
  readonly block: BlockSwitch | null;
  readonly compare: CompareState;
  /** The way back to where the layer was picked. */
  readonly back?: ReactNode;
}

/** The weights of a layer that has any, once it is opened; none for an architecture built without them. */
function useWeightsView(model: ModelHandle | null, layer: LayerSummary | null): ReactNode {
  const usable = model && model.model.failure === null ? model : null;
  const name = layer && layer.params > 0 ? layer.name : null;
  const { weights, loading, error } = useLayerWeights(usable, name);
  return useMemo(
    () => (usable && name ? <WeightsSection layer={name} weights={weights} loading={loading} error={error} /> : null),
    [usable, name, weights, loading, error],
  );
}

/**
 * While a new layer is read, the previous layer's body stays (dimmed, marked busy) instead
 * of being torn down and rebuilt: the page does not jump, and the same DOM is reused when
 * the data arrives. The read starts in the click's own task, which measured faster overall
 * than giving the header a frame of its own first.
 */
export function InspectorPanel({ result, model = null, layer, layers, channel, onChannel, onSelect, onNotice, field, input, lesson, block, compare, back = null }: InspectorProps) {
  const { data, loading, error } = useLayerData(result, layer?.name ?? null);
  useReadError(error, onNotice);
  const compared = useCompareMaps(result && compare.b === result ? compare : null, layer, data, channel, onNotice);
  const unit = useUnitField(result);
  useReadError(unit.error, onNotice);
  const { shown, running, run } = unit;
  const effective = useMemo(() => (result ? { shown, running, run } : null), [result, shown, running, run]);
  const weights = useWeightsView(model, layer);
  return (
    <EffectiveFieldContext.Provider value={effective}>
      <MemoLayerInspector
        layer={layer}
        layers={layers}
        data={layer && (data?.name === layer.name || loading) ? data : null}
        loading={loading}
        channel={channel}
        onChannel={onChannel}
        onSelect={onSelect}
        field={field}
        input={input}
        lesson={lesson}
        block={block}
        extra={compared}
        weights={weights}
        back={back}
      />
    </EffectiveFieldContext.Provider>
  );
}
